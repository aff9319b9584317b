import { describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { LOCAL_EMBEDDING_MODEL } from "../../server/services/knowledge/embedding/local-embedder";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import { pipelineConfig } from "../../server/services/pipeline/config-cache";
import { caught, memberOf, ownerWithTenant } from "./helpers";
import { FAQ } from "./pipeline-helpers";

// The knowledge settings screen: retrieval tuning (Tenant.settings.retrieval) and the re-index status.

const DEFAULTS = { vectorWeight: 1.5, keywordWeight: 1, fusion: "score", directAnswerThreshold: 0.9 };
const fieldOf = (e: { cause?: unknown }) => (e.cause as { field?: string } | undefined)?.field;

describe("retrieval settings", () => {
  it("reads defaults, validates, and merges a patch without clobbering other settings keys", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const client = await db();
    await client.tenant.update({
      where: { id: t },
      data: { settings: { bot: { botName: "小美" }, sla: { warnAt: 0.5 } } },
    });
    expect(await caller.knowledge.settings.get({ tenantId: t })).toEqual(DEFAULTS);

    expect(await caller.knowledge.settings.update({ tenantId: t, keywordWeight: 2.5 })).toEqual({
      ...DEFAULTS,
      keywordWeight: 2.5,
    });
    await caller.knowledge.settings.update({ tenantId: t, fusion: "rrf", directAnswerThreshold: 0.8 });
    const expected = { ...DEFAULTS, keywordWeight: 2.5, fusion: "rrf", directAnswerThreshold: 0.8 };
    expect(await caller.knowledge.settings.get({ tenantId: t })).toEqual(expected);
    const row = await client.tenant.findUniqueOrThrow({ where: { id: t }, select: { settings: true } });
    expect(row.settings).toEqual({ bot: { botName: "小美" }, sla: { warnAt: 0.5 }, retrieval: expected });

    for (const bad of [
      { vectorWeight: -1 },
      { keywordWeight: 11 },
      { directAnswerThreshold: 0.4 },
      { directAnswerThreshold: 1.1 },
      { fusion: "max" },
    ])
      expect((await caught(caller.knowledge.settings.update({ tenantId: t, ...bad } as never))).code).toBe(
        "BAD_REQUEST",
      );
    const zero = await caught(
      caller.knowledge.settings.update({ tenantId: t, vectorWeight: 0, keywordWeight: 0 }),
    );
    expect(zero.code).toBe("BAD_REQUEST");
    expect(fieldOf(zero)).toBe("vectorWeight");
    expect(await caller.knowledge.settings.get({ tenantId: t })).toEqual(expected);
    expect(
      await client.auditLog.count({ where: { tenantId: t, action: "knowledge.retrieval_updated" } }),
    ).toBe(2);
  });

  it("a save reaches the pipeline's cached config at once, and search runs with the saved weights", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    await upsertQaPairs(t, FAQ, { source: "IMPORT" });
    expect((await pipelineConfig(t)).retrieval).toEqual(DEFAULTS);
    await caller.knowledge.settings.update({ tenantId: t, vectorWeight: 0, keywordWeight: 4, fusion: "rrf" });
    // well within the cache's TTL: only the invalidation can make this fresh
    expect((await pipelineConfig(t)).retrieval).toEqual({
      ...DEFAULTS,
      vectorWeight: 0,
      keywordWeight: 4,
      fusion: "rrf",
    });
    // keyword-only rank fusion still finds the pair (the calibrated score does not depend on weights,
    // so the observable effect is the order of the weaker hits)
    const hits = (await caller.knowledge.search({ tenantId: t, query: "怎么开发票" })).hits;
    expect(hits[0].question).toBe("怎么开发票？");
    const keywordOrder = hits.filter((h) => h.keywordRank !== null).map((h) => h.keywordRank);
    expect(keywordOrder).toEqual([...keywordOrder].sort((x, y) => (x ?? 0) - (y ?? 0)));
  });

  it("readers can read the settings but only kb.write roles can change them", async () => {
    const { tenant } = await ownerWithTenant();
    const t = tenant.id;
    for (const role of ["AGENT", "VIEWER"] as const) {
      const member = await memberOf(t, role);
      expect(await member.caller.knowledge.settings.get({ tenantId: t })).toEqual(DEFAULTS);
      expect((await member.caller.knowledge.indexStatus({ tenantId: t })).chunks).toBe(0);
      expect(
        (await caught(member.caller.knowledge.settings.update({ tenantId: t, keywordWeight: 2 }))).code,
      ).toBe("FORBIDDEN");
      expect((await caught(member.caller.knowledge.reindex({ tenantId: t }))).code).toBe("FORBIDDEN");
    }
    const reviewer = await memberOf(t, "REVIEWER");
    expect(await reviewer.caller.knowledge.settings.update({ tenantId: t, keywordWeight: 2 })).toMatchObject({
      keywordWeight: 2,
    });
  });
});

describe("re-index status", () => {
  it("counts chunks on the current model, shows the running and the last run, and re-indexes on request", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const client = await db();
    expect(await caller.knowledge.indexStatus({ tenantId: t })).toEqual({
      running: false,
      lastRun: null,
      chunks: 0,
      chunksOnCurrentModel: 0,
      reindexed: null,
      currentModel: LOCAL_EMBEDDING_MODEL,
    });
    await upsertQaPairs(t, FAQ, { source: "IMPORT" });
    // two chunks still carry an older provider's vectors (as after an embedder change)
    const old = await client.knowledgeChunk.findMany({
      where: { tenantId: t },
      take: 2,
      select: { id: true },
    });
    await client.knowledgeChunk.updateMany({
      where: { id: { in: old.map((c) => c.id) } },
      data: { embeddingModel: "openai:text-embedding-3-small" },
    });
    expect(await caller.knowledge.indexStatus({ tenantId: t })).toMatchObject({
      running: false,
      chunks: FAQ.length,
      chunksOnCurrentModel: FAQ.length - 2,
    });

    // a run in progress (as the in-process runner records it); a manual re-index is refused meanwhile
    const run = await client.jobRun.create({
      data: { tenantId: t, functionId: "reindex-knowledge", status: "RUNNING", startedAt: new Date() },
    });
    const running = await caller.knowledge.indexStatus({ tenantId: t });
    expect(running).toMatchObject({ running: true, lastRun: { status: "RUNNING", finishedAt: null } });
    expect(running.reindexed).toBe(0);
    expect((await caught(caller.knowledge.reindex({ tenantId: t }))).code).toBe("CONFLICT");
    // a RUNNING row from a process that died hours ago does not block
    await client.jobRun.update({
      where: { id: run.id },
      data: { startedAt: new Date(Date.now() - 7 * 3600_000) },
    });
    expect((await caller.knowledge.indexStatus({ tenantId: t })).running).toBe(false);

    expect(await caller.knowledge.reindex({ tenantId: t })).toEqual({ ok: true });
    await drainInProcessJobs();
    const done = await caller.knowledge.indexStatus({ tenantId: t });
    expect(done).toMatchObject({
      running: false,
      lastRun: { status: "SUCCEEDED", error: null },
      chunks: FAQ.length,
      chunksOnCurrentModel: FAQ.length,
      reindexed: null,
    });
    expect(done.lastRun?.finishedAt).toBeInstanceOf(Date);
  });
});
