import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { loadProviderChain } from "../../server/services/providers/load-provider-chain";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { caught, memberOf, ownerWithTenant } from "./helpers";

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor({ apiKey: "sk-fake-vendor-key-1234" });
});
afterAll(() => vendor.close());

async function reindexRuns(tenantId: string) {
  await drainInProcessJobs();
  const client = await db();
  return client.jobRun.count({ where: { tenantId, functionId: "reindex-knowledge" } });
}

describe("AI providers", () => {
  it("creates, lists without the key, stores the key encrypted, updates it write-only, deletes", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const created = await caller.aiProviders.create({
      tenantId: t,
      kind: "DEEPSEEK",
      model: "deepseek-chat",
      apiKey: "sk-deepseek-secret-abcd",
      inputPricePerM: 2,
      outputPricePerM: 8,
    });
    expect(created).toMatchObject({ hasKey: true, keyLast4: "abcd", position: 0, purpose: "CHAT" });
    expect(created.name).toBe("DEEPSEEK deepseek-chat");
    const list = await caller.aiProviders.list({ tenantId: t });
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain("sk-deepseek-secret");
    expect(list[0]).not.toHaveProperty("apiKeyEnc");
    expect(list[0]).not.toHaveProperty("apiKey");

    const client = await db();
    const row = await client.aiProvider.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.apiKeyEnc).toBeTruthy();
    expect(row.apiKeyEnc).not.toContain("sk-deepseek-secret");
    expect(row.apiKeyEnc).toMatch(/^v1:/);

    // omitted key = kept; a new key replaces; clearKey removes; "" is refused
    const renamed = await caller.aiProviders.update({ tenantId: t, providerId: created.id, name: "主力" });
    expect(renamed).toMatchObject({ name: "主力", hasKey: true, keyLast4: "abcd" });
    expect(
      (await caught(caller.aiProviders.update({ tenantId: t, providerId: created.id, apiKey: "" }))).code,
    ).toBe("BAD_REQUEST");
    const replaced = await caller.aiProviders.update({
      tenantId: t,
      providerId: created.id,
      apiKey: "sk-another-key-wxyz",
    });
    expect(replaced.keyLast4).toBe("wxyz");
    const [chain] = await loadProviderChain(t, "CHAT");
    expect(chain.apiKey).toBe("sk-another-key-wxyz");
    const cleared = await caller.aiProviders.update({ tenantId: t, providerId: created.id, clearKey: true });
    expect(cleared).toMatchObject({ hasKey: false, keyLast4: null });

    await caller.aiProviders.delete({ tenantId: t, providerId: created.id });
    expect(await caller.aiProviders.list({ tenantId: t })).toEqual([]);
    const audit = await client.auditLog.findMany({ where: { tenantId: t, targetType: "provider" } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "provider.created",
        "provider.deleted",
        "provider.updated",
        "provider.updated",
        "provider.updated",
      ].sort(),
    );
    expect(JSON.stringify(audit)).not.toContain("sk-");
  });

  it("validates inputs with field errors", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const compat = await caught(
      caller.aiProviders.create({ tenantId: t, kind: "OPENAI_COMPATIBLE", model: "m" }),
    );
    expect(compat.code).toBe("BAD_REQUEST");
    expect((compat.cause as { field?: string }).field).toBe("baseUrl");
    const ftp = await caught(
      caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "m", baseUrl: "ftp://x.example" }),
    );
    expect(ftp.code).toBe("BAD_REQUEST");
    expect(ftp.message).toContain("baseUrl");
    const noDim = await caught(
      caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "e", purpose: "EMBEDDING" }),
    );
    expect((noDim.cause as { field?: string }).field).toBe("embeddingDim");
    for (const bad of [
      { embeddingDim: 4, purpose: "EMBEDDING" as const },
      { embeddingDim: 5000, purpose: "EMBEDDING" as const },
      { inputPricePerM: -1 },
      { timeoutMs: 500 },
      { timeoutMs: 121_000 },
    ]) {
      const e = await caught(caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "m", ...bad }));
      expect(e.code).toBe("BAD_REQUEST");
    }
    const p = await caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "m" });
    const both = await caught(
      caller.aiProviders.update({ tenantId: t, providerId: p.id, apiKey: "k".repeat(10), clearKey: true }),
    );
    expect(both.code).toBe("BAD_REQUEST");
    // switching to OPENAI_COMPATIBLE without a base URL is checked on the merged row
    const merged = await caught(
      caller.aiProviders.update({ tenantId: t, providerId: p.id, kind: "OPENAI_COMPATIBLE" }),
    );
    expect((merged.cause as { field?: string }).field).toBe("baseUrl");
  });

  it("orders the chain per purpose, inserts at a position and loads enabled providers in order", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const mk = (model: string, position?: number) =>
      caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model, apiKey: `sk-${model}-key`, position });
    const a = await mk("a");
    const b = await mk("b");
    const c = await mk("c", 0);
    const order = async () => (await loadProviderChain(t, "CHAT")).map((p) => p.model);
    expect(await order()).toEqual(["c", "a", "b"]);
    await caller.aiProviders.reorder({ tenantId: t, purpose: "CHAT", providerIds: [b.id, c.id, a.id] });
    expect(await order()).toEqual(["b", "c", "a"]);
    await caller.aiProviders.setEnabled({ tenantId: t, providerId: c.id, enabled: false });
    expect(await order()).toEqual(["b", "a"]);
    expect((await loadProviderChain(t, "CHAT"))[0]).toMatchObject({ apiKey: "sk-b-key", kind: "OPENAI" });
    // an incomplete list is a conflict (someone else changed the chain)
    const partial = await caught(
      caller.aiProviders.reorder({ tenantId: t, purpose: "CHAT", providerIds: [a.id] }),
    );
    expect(partial.code).toBe("CONFLICT");
    await caller.aiProviders.delete({ tenantId: t, providerId: b.id });
    const left = await caller.aiProviders.list({ tenantId: t });
    expect(left.map((p) => [p.model, p.position])).toEqual([
      ["c", 0],
      ["a", 1],
    ]);
    expect(await loadProviderChain(t, "EMBEDDING")).toEqual([]);
  });

  it("tests connections against a real (fake) vendor with friendly error kinds", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    vendor.reset();
    const openai = await caller.aiProviders.create({
      tenantId: t,
      kind: "OPENAI",
      model: "gpt-test",
      baseUrl: `${vendor.url}/v1`,
      apiKey: vendor.apiKey,
    });
    const ok = await caller.aiProviders.testConnection({ tenantId: t, providerId: openai.id });
    expect(ok).toMatchObject({ ok: true, error: null, dimension: null });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    expect(vendor.requests.at(-1)).toMatchObject({ route: "openai", authorized: true, model: "gpt-test" });

    const anthropic = await caller.aiProviders.create({
      tenantId: t,
      kind: "ANTHROPIC",
      model: "claude-test",
      baseUrl: vendor.url,
      apiKey: vendor.apiKey,
    });
    expect((await caller.aiProviders.testConnection({ tenantId: t, providerId: anthropic.id })).ok).toBe(
      true,
    );
    const gemini = await caller.aiProviders.create({
      tenantId: t,
      kind: "GEMINI",
      model: "gemini-test",
      baseUrl: vendor.url,
      apiKey: "wrong-key-0000",
    });
    const bad = await caller.aiProviders.testConnection({ tenantId: t, providerId: gemini.id });
    expect(bad).toMatchObject({ ok: false, error: { kind: "auth" } });
    expect(bad.error?.message).not.toContain("wrong-key-0000");
    const stored = (await caller.aiProviders.list({ tenantId: t })).find((p) => p.id === gemini.id);
    expect(stored?.lastError).toBeTruthy();

    vendor.setBehaviour(behave.rateLimited("30"), { model: "gpt-test" });
    expect(await caller.aiProviders.testConnection({ tenantId: t, providerId: openai.id })).toMatchObject({
      ok: false,
      error: { kind: "rate_limited" },
    });
    vendor.reset();

    const embedder = await caller.aiProviders.create({
      tenantId: t,
      kind: "OPENAI_COMPATIBLE",
      purpose: "EMBEDDING",
      model: "embed-test",
      baseUrl: `${vendor.url}/v1`,
      apiKey: vendor.apiKey,
      embeddingDim: 8,
    });
    expect(await caller.aiProviders.testConnection({ tenantId: t, providerId: embedder.id })).toMatchObject({
      ok: true,
      dimension: 8,
    });
    await caller.aiProviders.update({ tenantId: t, providerId: embedder.id, embeddingDim: 16 });
    const wrongDim = await caller.aiProviders.testConnection({ tenantId: t, providerId: embedder.id });
    expect(wrongDim).toMatchObject({ ok: false, error: { kind: "bad_response" } });
    expect(wrongDim.error?.message).toContain("dimension");

    const offline = await caller.aiProviders.create({
      tenantId: t,
      kind: "OPENAI_COMPATIBLE",
      model: "m",
      baseUrl: "http://127.0.0.1:9/v1",
    });
    expect(await caller.aiProviders.testConnection({ tenantId: t, providerId: offline.id })).toMatchObject({
      ok: false,
      error: { kind: "network" },
    });
  });

  it("asks for a re-index when the first enabled embedding provider changes, not otherwise", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const chat = await caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "m" });
    await caller.aiProviders.update({ tenantId: t, providerId: chat.id, model: "m2" });
    expect(await reindexRuns(t)).toBe(0);
    const e1 = await caller.aiProviders.create({
      tenantId: t,
      kind: "OPENAI",
      purpose: "EMBEDDING",
      model: "text-embedding-3-small",
      embeddingDim: 512,
    });
    expect(await reindexRuns(t)).toBe(1);
    const e2 = await caller.aiProviders.create({
      tenantId: t,
      kind: "QWEN",
      purpose: "EMBEDDING",
      model: "text-embedding-v3",
      embeddingDim: 1024,
    });
    expect(await reindexRuns(t)).toBe(1); // a fallback embedder does not change the index
    await caller.aiProviders.update({ tenantId: t, providerId: e1.id, name: "renamed", inputPricePerM: 1 });
    expect(await reindexRuns(t)).toBe(1);
    await caller.aiProviders.update({ tenantId: t, providerId: e1.id, embeddingDim: 256 });
    expect(await reindexRuns(t)).toBe(2);
    await caller.aiProviders.reorder({ tenantId: t, purpose: "EMBEDDING", providerIds: [e2.id, e1.id] });
    expect(await reindexRuns(t)).toBe(3);
    await caller.aiProviders.setEnabled({ tenantId: t, providerId: e2.id, enabled: false });
    expect(await reindexRuns(t)).toBe(4);
    await caller.aiProviders.delete({ tenantId: t, providerId: e1.id });
    expect(await reindexRuns(t)).toBe(5); // back to the local embedder
  });

  it("only owners and admins manage providers", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const p = await caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "m" });
    const admin = await memberOf(t, "ADMIN");
    expect(await admin.caller.aiProviders.list({ tenantId: t })).toHaveLength(1);
    for (const role of ["AGENT", "VIEWER", "REVIEWER"] as const) {
      const m = await memberOf(t, role);
      expect((await caught(m.caller.aiProviders.list({ tenantId: t }))).code).toBe("FORBIDDEN");
      expect(
        (await caught(m.caller.aiProviders.create({ tenantId: t, kind: "OPENAI", model: "x" }))).code,
      ).toBe("FORBIDDEN");
      expect(
        (await caught(m.caller.aiProviders.setEnabled({ tenantId: t, providerId: p.id, enabled: false })))
          .code,
      ).toBe("FORBIDDEN");
      expect(
        (await caught(m.caller.aiProviders.testConnection({ tenantId: t, providerId: p.id }))).code,
      ).toBe("FORBIDDEN");
    }
  });
});
