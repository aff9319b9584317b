import { describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { createDocument } from "../../server/services/knowledge/documents/manage-documents";
import { reindexTenant } from "../../server/services/knowledge/index/reindex-tenant";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { rebuildTermStats } from "../../server/services/knowledge/stats/term-stats";
import { caught, memberOf, ownerWithTenant } from "./helpers";

// Editing a document chunk re-indexes it in place: search sees the new text at once (keyword and
// vector side), the BM25 statistics stay exactly what a rebuild gives, and nothing crosses tenants.

const MANUAL = `# 凯丰 KF-7A 手册

## 安装条件
家用充电桩安装需要固定车位和物业同意。安装前请联系 plumbago 服务站确认电表容量。

## 常见故障
指示灯红灯常亮表示漏电保护动作，请先断电再重新合闸。
`;

async function snapshot(tenantId: string) {
  const client = await db();
  const stats = await client.knowledgeStats.findUnique({ where: { tenantId } });
  const terms = await client.knowledgeTermStat.findMany({ where: { tenantId }, orderBy: { term: "asc" } });
  return {
    chunks: stats?.chunkCount ?? 0,
    termCount: Number(stats?.termCount ?? 0),
    df: Object.fromEntries(terms.map((t) => [t.term, t.df])),
  };
}

/** The stored statistics must equal a rebuild from the chunks (and stay so after it). */
async function expectStatsExact(tenantId: string) {
  const incremental = await snapshot(tenantId);
  await rebuildTermStats(tenantId);
  expect(await snapshot(tenantId)).toEqual(incremental);
  return incremental;
}

async function setup() {
  const owner = await ownerWithTenant();
  const doc = await createDocument(owner.tenant.id, owner.user.id, {
    name: "kf7a.md",
    type: "text/markdown",
    bytes: Buffer.from(MANUAL),
  });
  await emit("kefu/knowledge.document-uploaded", { tenantId: owner.tenant.id, documentId: doc.id });
  await drainInProcessJobs();
  const chunks = await owner.caller.knowledge.documents.chunks({
    tenantId: owner.tenant.id,
    documentId: doc.id,
  });
  const target = chunks.find((c) => c.content.includes("plumbago"))!;
  expect(target).toBeTruthy();
  return { ...owner, doc, chunks, target };
}

const keywordHit = async (tenantId: string, query: string, chunkId: string) =>
  (await searchKnowledge({ tenantId, query })).hits.find(
    (h) => h.chunkId === chunkId && h.keywordRank !== null,
  );

describe("document chunk editing", () => {
  it("re-indexes the edited chunk: new words are found, old ones are not", async () => {
    const { caller, tenant, target } = await setup();
    const t = tenant.id;
    expect(await keywordHit(t, "plumbago", target.id)).toBeTruthy();
    expect(await keywordHit(t, "xylophone", target.id)).toBeUndefined();

    const content = "安装前请致电 xylophone 热线预约上门勘测，勘测免费。";
    const edited = await caller.knowledge.documents.updateChunk({
      tenantId: t,
      chunkId: target.id,
      content: `  ${content}\n`,
      heading: "安装预约",
    });
    expect(edited).toMatchObject({ id: target.id, ordinal: target.ordinal, content, heading: "安装预约" });
    expect(edited.tokenCount).toBeGreaterThan(0);
    expect(edited.tokenCount).not.toBe(target.tokenCount);

    const found = await keywordHit(t, "xylophone", target.id);
    expect(found?.content).toBe(content);
    expect(found?.matchedTerms).toContain("xylophone");
    expect(await keywordHit(t, "plumbago", target.id)).toBeUndefined();
    // the heading is indexed too, and the vector side was recomputed (the chunk ranks first for it)
    expect((await searchKnowledge({ tenantId: t, query: "安装预约 xylophone 勘测" })).hits[0].chunkId).toBe(
      target.id,
    );
    const client = await db();
    const [row] = await client.$queryRaw<{ model: string; dim: number; hasSketch: boolean }[]>`
      SELECT "embeddingModel" AS model, "embeddingDim" AS dim, sketch IS NOT NULL AS "hasSketch"
      FROM "KnowledgeChunk" WHERE id = ${target.id}`;
    expect(row).toMatchObject({ model: expect.any(String), hasSketch: true });
    expect(row.dim).toBeGreaterThan(0);

    const stats = await expectStatsExact(t);
    expect(stats.df["xylophone"]).toBe(1);
    expect(stats.df["plumbago"]).toBeUndefined();

    // a tenant re-index (lexicon or embedder change) re-indexes the edited text, it does not undo it
    await reindexTenant(t);
    expect((await keywordHit(t, "xylophone", target.id))?.content).toBe(content);
    expect(await keywordHit(t, "plumbago", target.id)).toBeUndefined();
    expect(await snapshot(t)).toEqual(stats);
  });

  it("disabling a chunk removes it from search and from the statistics; enabling brings it back", async () => {
    const { caller, tenant, target, chunks, doc } = await setup();
    const t = tenant.id;
    const before = await snapshot(t);
    await caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: target.id, enabled: false });
    expect(await keywordHit(t, "plumbago", target.id)).toBeUndefined();
    expect(
      (await searchKnowledge({ tenantId: t, query: "plumbago" })).hits.map((h) => h.chunkId),
    ).not.toContain(target.id);
    const disabled = await expectStatsExact(t);
    expect(disabled.chunks).toBe(before.chunks - 1);
    expect(disabled.df["plumbago"]).toBeUndefined();

    // editing a disabled chunk keeps it disabled and out of the statistics
    await caller.knowledge.documents.updateChunk({
      tenantId: t,
      chunkId: target.id,
      content: "xylophone 热线",
    });
    expect(await keywordHit(t, "xylophone", target.id)).toBeUndefined();
    expect((await expectStatsExact(t)).df["xylophone"]).toBeUndefined();

    const back = await caller.knowledge.documents.updateChunk({
      tenantId: t,
      chunkId: target.id,
      enabled: true,
    });
    expect(back.enabled).toBe(true);
    expect(await keywordHit(t, "xylophone", target.id)).toBeTruthy();
    expect((await expectStatsExact(t)).chunks).toBe(chunks.length);

    // a chunk of a disabled document cannot be switched on by itself
    await caller.knowledge.documents.setEnabled({ tenantId: t, documentId: doc.id, enabled: false });
    const err = await caught(
      caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: target.id, enabled: true }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    await expectStatsExact(t);
  });

  it("rejects bad input, other tenants' chunks, Q&A chunks and readers", async () => {
    const { caller, tenant, target } = await setup();
    const t = tenant.id;
    const bad = (input: Record<string, unknown>) =>
      caught(caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: target.id, ...input }));
    expect((await bad({ content: "   " })).code).toBe("BAD_REQUEST");
    expect((await bad({ content: "长".repeat(8001) })).code).toBe("BAD_REQUEST");
    expect((await bad({})).code).toBe("BAD_REQUEST");
    expect(
      (
        await caught(
          caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: "not-a-uuid", enabled: false }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    // 8000 characters after trimming is fine
    const long = await caller.knowledge.documents.updateChunk({
      tenantId: t,
      chunkId: target.id,
      content: ` ${"长".repeat(8000)} `,
    });
    expect(long.content).toHaveLength(8000);

    const other = await setup();
    const unchanged = await other.caller.knowledge.documents.chunks({
      tenantId: other.tenant.id,
      documentId: other.doc.id,
    });
    expect(
      (
        await caught(
          caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: other.target.id, content: "偷改" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await caught(
          caller.knowledge.documents.updateChunk({
            tenantId: other.tenant.id,
            chunkId: other.target.id,
            content: "偷改",
          }),
        )
      ).code,
    ).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(
      await other.caller.knowledge.documents.chunks({ tenantId: other.tenant.id, documentId: other.doc.id }),
    ).toEqual(unchanged);

    // a Q&A pair's chunk is edited through the pair, not here
    await caller.knowledge.qa.create({ tenantId: t, question: "保修多久？", answer: "三年。" });
    const client = await db();
    const qaChunk = await client.knowledgeChunk.findFirstOrThrow({
      where: { tenantId: t, qaPairId: { not: null } },
      select: { id: true },
    });
    expect(
      (
        await caught(
          caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: qaChunk.id, content: "x" }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    const viewer = await memberOf(t, "VIEWER");
    expect(
      (
        await caught(
          viewer.caller.knowledge.documents.updateChunk({ tenantId: t, chunkId: target.id, enabled: false }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await expectStatsExact(t);
  });
});
