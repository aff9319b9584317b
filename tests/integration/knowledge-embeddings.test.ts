import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { drainInProcessJobs } from "../../inngest/runner";
import { encryptSecret } from "../../server/crypto/secrets";
import { db } from "../../server/db/client";
import { LOCAL_EMBEDDING_MODEL } from "../../server/services/knowledge/embedding/local-embedder";
import { upsertQaPairs } from "../../server/services/knowledge/qa/upsert-qa-pairs";
import { searchKnowledge } from "../../server/services/knowledge/search/search-knowledge";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { ownerWithTenant } from "./helpers";
import { FAQ } from "./pipeline-helpers";

// Provider embeddings through an OpenAI-compatible /embeddings endpoint (the fake vendor, a real
// local HTTP server), the background re-embed when the tenant's embedding model changes, and the
// fallbacks when the provider is down.

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(() => vendor.close());

async function chunkModels(tenantId: string) {
  const client = await db();
  return client.$queryRaw<{ model: string; dim: number; sketched: boolean; n: number }[]>`
    SELECT "embeddingModel" AS model, "embeddingDim" AS dim, sketch IS NOT NULL AS sketched, count(*)::int AS n
    FROM "KnowledgeChunk" WHERE "tenantId" = ${tenantId} GROUP BY 1, 2, 3 ORDER BY 1`;
}

async function reembed(tenantId: string) {
  await emit("kefu/knowledge.reindex-requested", { tenantId, reason: "embedder" });
  await drainInProcessJobs();
}

describe("provider embeddings", () => {
  it("re-embeds with the tenant's provider, searches with it, and goes back to local when it is removed", async () => {
    const { tenant } = await ownerWithTenant();
    await upsertQaPairs(tenant.id, FAQ, { source: "IMPORT" });
    expect(await chunkModels(tenant.id)).toEqual([
      { model: LOCAL_EMBEDDING_MODEL, dim: 1024, sketched: true, n: FAQ.length },
    ]);

    const client = await db();
    vendor.setBehaviour(behave.ok(undefined, { dimensions: 384 }), { route: "embeddings" });
    const provider = await client.aiProvider.create({
      data: {
        tenantId: tenant.id,
        name: "bge",
        kind: "OPENAI_COMPATIBLE",
        purpose: "EMBEDDING",
        baseUrl: `${vendor.url}/v1`,
        model: "bge-m3-test",
        embeddingDim: 384,
        apiKeyEnc: encryptSecret(vendor.apiKey),
        inputPricePerM: 0.5,
      },
    });
    const before = vendor.requests.filter((r) => r.route === "embeddings").length;
    await reembed(tenant.id);
    expect(await chunkModels(tenant.id)).toEqual([
      { model: "openai_compatible:bge-m3-test", dim: 384, sketched: false, n: FAQ.length },
    ]);
    const calls = vendor.requests.filter((r) => r.route === "embeddings").slice(before);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0].body.model).toBe("bge-m3-test");

    // new pairs use the provider too, and search compares vectors of the same model
    await upsertQaPairs(tenant.id, [
      { question: "支持分期付款吗？", answer: "支持花呗和信用卡分期，3/6/12 期可选。" },
    ]);
    const { hits } = await searchKnowledge({ tenantId: tenant.id, query: "能分期吗", topK: 10 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.vectorScore !== null)).toBe(true);
    expect(hits[0].question).toBe("支持分期付款吗？");
    const usage = await client.usageRecord.findMany({ where: { tenantId: tenant.id, purpose: "EMBEDDING" } });
    expect(usage.length).toBeGreaterThan(0);
    expect(usage.every((u) => u.ok && u.tokensIn > 0)).toBe(true);

    // the provider goes down: search still answers (keyword side + local vectors), nothing throws
    vendor.setBehaviour(behave.serverError(503), { route: "embeddings" });
    const down = await searchKnowledge({ tenantId: tenant.id, query: "退款多久到账" });
    expect(down.hits[0].question).toBe("退款多久到账？");

    // removing the provider brings the local embedder back, in the background
    vendor.setBehaviour(behave.ok(undefined, { dimensions: 384 }), { route: "embeddings" });
    await client.aiProvider.delete({ where: { id: provider.id } });
    await reembed(tenant.id);
    expect(await chunkModels(tenant.id)).toEqual([
      { model: LOCAL_EMBEDDING_MODEL, dim: 1024, sketched: true, n: FAQ.length + 1 },
    ]);
    const local = await searchKnowledge({ tenantId: tenant.id, query: "钱多久退回来" });
    expect(local.hits[0].question).toBe("退款多久到账？");
  });

  it("an import while the provider is down still indexes every pair (locally) and loses nothing", async () => {
    const { tenant } = await ownerWithTenant();
    const client = await db();
    await client.aiProvider.create({
      data: {
        tenantId: tenant.id,
        name: "down",
        kind: "OPENAI_COMPATIBLE",
        purpose: "EMBEDDING",
        baseUrl: `${vendor.url}/v1`,
        model: "down-embedder",
        embeddingDim: 384,
        apiKeyEnc: encryptSecret(vendor.apiKey),
        timeoutMs: 1000,
      },
    });
    vendor.setBehaviour(behave.serverError(500), { route: "embeddings", model: "down-embedder" });
    const res = await upsertQaPairs(tenant.id, FAQ, { source: "IMPORT" });
    expect(res.created).toBe(FAQ.length);
    expect(await chunkModels(tenant.id)).toEqual([
      { model: LOCAL_EMBEDDING_MODEL, dim: 1024, sketched: true, n: FAQ.length },
    ]);
    const failed = await client.usageRecord.findMany({
      where: { tenantId: tenant.id, purpose: "EMBEDDING", ok: false },
    });
    expect(failed.length).toBeGreaterThan(0);
  });
});
