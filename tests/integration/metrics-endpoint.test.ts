import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { defineJob } from "../../inngest/define";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { registerUpgrade, routeUpgrade } from "../../server/gateway/upgrade-router";
import { WIDGET_WS_PATH, WidgetGateway } from "../../server/gateway/widget-gateway";
import { serveMetrics } from "../../server/http/metrics-endpoint";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { pairedDevice, RawAgent, startGateway, type TTestGateway } from "./gateway-helpers";
import { uniq } from "./helpers";
import { addProvider, modelJson, pipelineTenant } from "./pipeline-helpers";
import { newVisitor, type TVisitor } from "./widget-helpers";
import { seedConversation, workbenchTenant } from "./workbench-helpers";

// /metrics over real HTTP after real work: a message through the pipeline with the fake LLM vendor,
// a failing provider, in-process job runs and a device socket on the real gateway. Counters are
// compared before and after, so other work in this process cannot make the assertions pass.

let vendor: TFakeVendor;
let server: Server;
let metricsUrl: string;

beforeAll(async () => {
  vendor = await startFakeVendor();
  server = createServer((req, res) => void serveMetrics(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  metricsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
});
afterAll(async () => {
  await drainInProcessJobs();
  await vendor.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(metricsUrl, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The sample of `name` whose labels include `labels` (0 when the series does not exist yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return 0;
}

async function modelTenant(model: string) {
  const owner = await pipelineTenant();
  const client = await db();
  // every question goes to the model, so the provider is really called
  await client.tenant.update({
    where: { id: owner.tenant.id },
    data: { settings: { retrieval: { directAnswerThreshold: 1 } } },
  });
  await addProvider(owner.tenant.id, vendor, { model, position: 0 });
  return owner.tenant.id;
}

const ask = (tenantId: string, text: string) =>
  processIncomingMessage({ tenantId, channel: "API", contact: { externalId: `c-${uniq()}` }, text });

describe("/metrics", () => {
  it("counts a message answered by the model: messages, pipeline latency, provider call", async () => {
    const model = `m-ok-${uniq()}`;
    const tenantId = await modelTenant(model);
    vendor.setBehaviour(behave.ok(modelJson("KF-7A 为 7kW 单相交流充电桩。", 0.95)), { model });
    const before = await scrape();

    const r = await ask(tenantId, "KF-7A功率多少");
    expect(r).toMatchObject({ action: "reply", reason: "generated" });
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("kefu_messages_total", { channel: "api", role: "customer" })).toBe(1);
    expect(delta("kefu_messages_total", { channel: "api", role: "bot" })).toBe(1);
    expect(delta("kefu_pipeline_duration_seconds_count", { channel: "api", action: "reply" })).toBe(1);
    expect(delta("kefu_pipeline_duration_seconds_sum", { channel: "api", action: "reply" })).toBeGreaterThan(
      0,
    );
    // the histogram's buckets are cumulative: the +Inf bucket holds every observation
    expect(
      delta("kefu_pipeline_duration_seconds_bucket", { channel: "api", action: "reply", le: "+Inf" }),
    ).toBe(1);
    const call = { provider_kind: "openai_compatible", purpose: "chat" };
    expect(delta("kefu_provider_calls_total", { ...call, result: "ok" })).toBe(1);
    expect(delta("kefu_provider_call_duration_seconds_count", call)).toBe(1);
    // no tenant ids in label values
    expect(after).not.toContain(tenantId);
  });

  it("counts a failed provider call by its error kind and still answers", async () => {
    const model = `m-broken-${uniq()}`;
    const tenantId = await modelTenant(model);
    // a malformed body is not retried: exactly one failed call
    vendor.setBehaviour(behave.malformed("syntax"), { model });
    const labels = { provider_kind: "openai_compatible", purpose: "chat", result: "bad_response" };
    const before = await scrape();

    const r = await ask(tenantId, "下单以后大概几天能发货呀");
    expect(r.reason).toMatch(/fallback|providers_failed/);
    const after = await scrape();

    expect(
      sample(after, "kefu_provider_calls_total", labels) -
        sample(before, "kefu_provider_calls_total", labels),
    ).toBe(1);
    const ok = { ...labels, result: "ok" };
    expect(sample(after, "kefu_provider_calls_total", ok)).toBe(
      sample(before, "kefu_provider_calls_total", ok),
    );
    const customer = { channel: "api", role: "customer" };
    expect(
      sample(after, "kefu_messages_total", customer) - sample(before, "kefu_messages_total", customer),
    ).toBe(1);
  });

  it("counts an agent's reply as an outbound agent message, and not the internal note", async () => {
    const t = await workbenchTenant();
    const { conversationId } = await seedConversation(t.tenantId, { channel: "WIDGET" });
    const input = { tenantId: t.tenantId, conversationId };
    await t.wang.caller.workbench.takeOver(input);
    const labels = { channel: "widget", role: "agent" };
    const before = sample(await scrape(), "kefu_messages_total", labels);

    await t.wang.caller.workbench.reply({ ...input, text: "您好，我来帮您查一下" });
    await t.wang.caller.workbench.note({ ...input, text: "客户很着急" });
    expect(sample(await scrape(), "kefu_messages_total", labels) - before).toBe(1);
  });

  it("counts in-process job runs by function and final status", async () => {
    const { tenant } = await pipelineTenant();
    const id = `metrics-probe-${uniq()}`;
    const ok = defineJob({ id: `${id}-ok`, event: "kefu/knowledge.reindex-requested" }, async ({ step }) =>
      step.run("work", () => "done"),
    );
    const bad = defineJob(
      { id: `${id}-bad`, event: "kefu/knowledge.reindex-requested", retries: 0 },
      async () => {
        throw new Error("probe failure");
      },
    );
    const data = { tenantId: tenant.id, reason: "dictionary" };

    await runJobInProcess(ok, data);
    await runJobInProcess(ok, data);
    await expect(runJobInProcess(bad, data)).rejects.toThrow("probe failure");
    const text = await scrape();

    expect(sample(text, "kefu_job_runs_total", { function: `${id}-ok`, status: "succeeded" })).toBe(2);
    expect(sample(text, "kefu_job_runs_total", { function: `${id}-ok`, status: "failed" })).toBe(0);
    expect(sample(text, "kefu_job_runs_total", { function: `${id}-bad`, status: "failed" })).toBe(1);
    expect(sample(text, "kefu_job_duration_seconds_count", { function: `${id}-ok` })).toBe(2);
    expect(sample(text, "kefu_job_duration_seconds_count", { function: `${id}-bad` })).toBe(1);
    const client = await db();
    const runs = await client.jobRun.findMany({ where: { functionId: { startsWith: id } } });
    expect(runs.map((r) => r.status).sort()).toEqual(["FAILED", "SUCCEEDED", "SUCCEEDED"]);
  });

  it("counts a run through Inngest once, not once per step", async () => {
    const { tenant } = await pipelineTenant();
    const id = `metrics-inngest-${uniq()}`;
    const job = defineJob({ id, event: "kefu/knowledge.reindex-requested" }, async ({ step }) => {
      const a = await step.run("one", () => 1);
      const b = await step.run("two", () => 2);
      return a + b;
    });
    const engine = new InngestTestEngine({ function: job.inngestFunction });
    const event = {
      name: "kefu/knowledge.reindex-requested",
      data: { tenantId: tenant.id, reason: "dictionary" },
    };

    const { result } = await engine.execute({ events: [event] });
    expect(result).toBe(3);
    const text = await scrape();
    expect(sample(text, "kefu_job_runs_total", { function: id, status: "succeeded" })).toBe(1);
    expect(sample(text, "kefu_job_runs_total", { function: id, status: "failed" })).toBe(0);
  });

  it("gauges a device socket while it is open and returns to the baseline after close", async () => {
    let gw: TTestGateway | null = null;
    try {
      gw = await startGateway({ heartbeatIntervalSec: 30 });
      const { tenant } = await pipelineTenant();
      const device = await pairedDevice(tenant.id);
      const gauge = async () => sample(await scrape(), "kefu_gateway_connections", { kind: "device" });
      const baseline = await gauge();

      const agent = RawAgent.connect(gw.wsUrl, device.deviceToken);
      await agent.next((f) => f.type === "welcome");
      expect(await gauge()).toBe(baseline + 1);

      agent.close();
      await agent.closed;
      await expect.poll(gauge).toBe(baseline);
    } finally {
      await gw?.stop();
    }
  });

  it("gauges widget sockets; a refused one is never counted", async () => {
    const gateway = new WidgetGateway({ pingIntervalMs: 60_000 });
    const wsServer = createServer((_req, res) => res.writeHead(404).end());
    registerUpgrade(WIDGET_WS_PATH, gateway.handleUpgrade);
    wsServer.on("upgrade", routeUpgrade);
    await new Promise<void>((resolve) => wsServer.listen(0, "127.0.0.1", resolve));
    const base = `ws://127.0.0.1:${(wsServer.address() as AddressInfo).port}${WIDGET_WS_PATH}`;
    const connect = (v: TVisitor, token = v.token) =>
      new RawAgent(
        new WebSocket(`${base}?${new URLSearchParams({ tenant: v.slug, visitor: v.visitorId, token })}`),
      );
    try {
      const { tenant } = await pipelineTenant();
      const gauge = async () => sample(await scrape(), "kefu_gateway_connections", { kind: "widget" });
      const baseline = await gauge();

      const forged = connect(await newVisitor(tenant.slug), "forged-token");
      expect(await forged.closed).toBe(4401);
      expect(await gauge()).toBe(baseline);

      const [a, b] = [connect(await newVisitor(tenant.slug)), connect(await newVisitor(tenant.slug))];
      await Promise.all([a, b].map((c) => c.next((f) => f.type === "welcome")));
      expect(await gauge()).toBe(baseline + 2);
      a.close();
      await expect.poll(gauge).toBe(baseline + 1);
      b.close();
      await expect.poll(gauge).toBe(baseline);
    } finally {
      await gateway.close();
      wsServer.closeAllConnections();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    }
  });

  it("needs the bearer token when METRICS_TOKEN is set", async () => {
    process.env.METRICS_TOKEN = `tok-${uniq()}`;
    reloadEnv();
    try {
      expect((await fetch(metricsUrl)).status).toBe(401);
      expect((await fetch(metricsUrl, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
      const text = await scrape({ authorization: `Bearer ${process.env.METRICS_TOKEN}` });
      expect(text).toContain("kefu_http_requests_total");
    } finally {
      delete process.env.METRICS_TOKEN;
      reloadEnv();
    }
  });
});
