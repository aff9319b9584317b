import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { ownerWithTenant, uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// The SSRF guard on AI provider URLs (server/http/url-guard.ts, applied in providers/http.ts): a
// tenant admin cannot make the server call the cloud metadata endpoint, and with
// KEFU_ALLOW_PRIVATE_URLS=0 (multi-tenant deployments) not the server's own network either.

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor({ apiKey: "sk-fake-vendor-key-guard" });
});
afterAll(() => vendor.close());
afterEach(() => {
  delete process.env.KEFU_ALLOW_PRIVATE_URLS;
  reloadEnv();
});

describe("provider URL guard", () => {
  it("test connection refuses the metadata address and stores why", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const p = await caller.aiProviders.create({
      tenantId: tenant.id,
      kind: "OPENAI_COMPATIBLE",
      model: "m",
      baseUrl: "http://169.254.169.254/v1",
      apiKey: "sk-anything-1234",
    });
    const r = await caller.aiProviders.testConnection({ tenantId: tenant.id, providerId: p.id });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: "bad_request" });
    expect(r.error?.message).toMatch(/metadata/);
    const client = await db();
    const row = await client.aiProvider.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.lastError).toMatch(/metadata/);
  });

  it("refuses the server's own network when private URLs are off, and allows it by default", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const p = await caller.aiProviders.create({
      tenantId: tenant.id,
      kind: "OPENAI_COMPATIBLE",
      model: "local",
      baseUrl: `${vendor.url}/v1`, // the fake vendor listens on 127.0.0.1
      apiKey: vendor.apiKey,
    });
    vendor.setBehaviour(behave.ok());
    expect((await caller.aiProviders.testConnection({ tenantId: tenant.id, providerId: p.id })).ok).toBe(
      true,
    );

    process.env.KEFU_ALLOW_PRIVATE_URLS = "0";
    reloadEnv();
    const before = vendor.requests.length;
    const r = await caller.aiProviders.testConnection({ tenantId: tenant.id, providerId: p.id });
    expect(r).toMatchObject({ ok: false, error: { kind: "bad_request" } });
    expect(r.error?.message).toMatch(/private/);
    expect(vendor.requests.length).toBe(before); // nothing was sent
  });

  it("a refused provider in the chain is skipped: the customer still gets an answer", async () => {
    const { tenant, caller } = await pipelineTenant();
    const client = await db();
    // every question goes to the model (no direct answers from curated Q&A)
    await client.tenant.update({
      where: { id: tenant.id },
      data: { settings: { retrieval: { directAnswerThreshold: 1 } } },
    });
    await caller.aiProviders.create({
      tenantId: tenant.id,
      kind: "OPENAI_COMPATIBLE",
      model: "meta",
      baseUrl: "http://169.254.169.254/v1",
      apiKey: "sk-anything-1234",
    });
    const r = await processIncomingMessage({
      tenantId: tenant.id,
      channel: "API",
      contact: { externalId: `c-${uniq()}` },
      text: "请问退款一般多久能到账呢",
    });
    expect(["reply", "clarify", "transfer"]).toContain(r.action);
    expect(r.content).not.toBe("");
    expect(r.reason).not.toBe("generated");
    const usage = await client.usageRecord.findMany({ where: { tenantId: tenant.id, purpose: "CHAT" } });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ ok: false });
    expect(usage[0].error).toMatch(/Refused.*metadata/);
  });
});
