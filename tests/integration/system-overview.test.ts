import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { checkAlerts } from "../../server/services/alerts/check-alerts";
import { hoursAgo, minutesAgo, seedDevice, seedJobRun, seedMessages, seedUsage } from "./alerts-helpers";
import { errorCode, memberOf, ownerWithTenant } from "./helpers";
import { seedConversation } from "./workbench-helpers";

// The system page's numbers on known data, and who may see them.

async function seedKnownSystem() {
  const t = await ownerWithTenant();
  const client = await db();
  const provider = await client.aiProvider.create({
    data: {
      tenantId: t.tenant.id,
      name: "DeepSeek 主",
      kind: "DEEPSEEK",
      model: "deepseek-chat",
      failureCount: 3,
      cooldownUntil: new Date(Date.now() + 10 * 60_000),
      lastError: "HTTP 502 from the vendor",
    },
  });
  const idle = await client.aiProvider.create({
    data: {
      tenantId: t.tenant.id,
      name: "备用",
      kind: "OPENAI",
      model: "gpt-x",
      position: 1,
      cooldownUntil: hoursAgo(1),
    },
  });
  // provider calls: 5 in the last hour (the 500 ms one failed), 2 five hours ago, 1 outside 24 h
  await seedUsage(t.tenant.id, [
    { providerId: provider.id, latencyMs: 100, at: minutesAgo(10) },
    { providerId: provider.id, latencyMs: 200, at: minutesAgo(20) },
    { providerId: provider.id, latencyMs: 300, at: minutesAgo(30) },
    { providerId: provider.id, latencyMs: 400, at: minutesAgo(40) },
    { providerId: provider.id, latencyMs: 500, at: minutesAgo(50), ok: false },
    { providerId: provider.id, latencyMs: 600, at: hoursAgo(5) },
    { providerId: provider.id, latencyMs: 700, at: hoursAgo(5) },
    { providerId: provider.id, latencyMs: 9000, at: hoursAgo(30), ok: false },
  ]);
  // deliveries: 3 sent + 1 failed in the last hour, 1 failed 3 h ago, a pending one that does not count
  const { conversationId } = await seedConversation(t.tenant.id, { status: "HUMAN" });
  await seedMessages(t.tenant.id, conversationId, [
    { role: "AGENT", delivery: "SENT", at: minutesAgo(5) },
    { role: "AGENT", delivery: "SENT", at: minutesAgo(6) },
    { role: "AGENT", delivery: "SENT", at: minutesAgo(7) },
    { role: "AGENT", delivery: "FAILED", at: minutesAgo(8) },
    { role: "AGENT", delivery: "FAILED", at: hoursAgo(3) },
    { role: "AGENT", delivery: "PENDING", at: minutesAgo(1) },
  ]);
  const device = await seedDevice(t.tenant.id, { name: "客服电脑", lastHeartbeatAt: minutesAgo(12) });
  await seedJobRun(t.tenant.id, { functionId: "erp-sync", status: "FAILED", at: hoursAgo(30), error: "old" });
  await seedJobRun(t.tenant.id, {
    functionId: "erp-sync",
    status: "FAILED",
    at: hoursAgo(2),
    error: "ERP timeout",
  });
  await seedJobRun(t.tenant.id, { functionId: "erp-sync", status: "SUCCEEDED", at: hoursAgo(1) });
  await seedJobRun(t.tenant.id, {
    functionId: "customers-rescore-tenant",
    status: "SUCCEEDED",
    at: hoursAgo(3),
  });
  return { ...t, provider, idle, device };
}

describe("system.overview", () => {
  it("reports exact error rates, provider health, jobs and devices", async () => {
    const s = await seedKnownSystem();
    const o = await s.caller.system.overview({ tenantId: s.tenant.id });
    expect(o.errorRates.hour).toEqual({
      calls: 5,
      callFailures: 1,
      deliveries: 4,
      deliveryFailures: 1,
      rate: (2 / 9) * 100,
    });
    expect(o.errorRates.day).toEqual({
      calls: 7,
      callFailures: 1,
      deliveries: 5,
      deliveryFailures: 2,
      rate: 25,
    });

    const [main, spare] = o.providers;
    // percentile_cont over 100…700: p50 = 400, p95 = 600 + 0.7 × 100
    expect(main).toMatchObject({
      id: s.provider.id,
      calls24h: 7,
      failures24h: 1,
      errorRate24h: (1 / 7) * 100,
      p50Ms: 400,
      p95Ms: 670,
      failureCount: 3,
      lastError: "HTTP 502 from the vendor",
    });
    expect(main!.cooldownUntil).toBeInstanceOf(Date);
    // a cooldown in the past is not "cooling down"
    expect(spare).toMatchObject({
      id: s.idle.id,
      calls24h: 0,
      errorRate24h: null,
      p50Ms: null,
      cooldownUntil: null,
    });

    expect(o.jobs).toEqual([
      expect.objectContaining({
        functionId: "erp-sync",
        lastStatus: "SUCCEEDED",
        runs24h: 2,
        failures24h: 1,
        lastError: "ERP timeout",
      }),
      expect.objectContaining({
        functionId: "customers-rescore-tenant",
        lastStatus: "SUCCEEDED",
        runs24h: 1,
        failures24h: 0,
        lastError: null,
      }),
    ]);
    expect(o.devices).toEqual([
      expect.objectContaining({ id: s.device.id, name: "客服电脑", online: false, agentVersion: "0.3.1" }),
    ]);
  });

  it("a new tenant has empty sections and null rates", async () => {
    const t = await ownerWithTenant();
    const o = await t.caller.system.overview({ tenantId: t.tenant.id });
    expect(o.errorRates.hour.rate).toBeNull();
    expect(o).toMatchObject({ devices: [], jobs: [], providers: [] });
  });

  it("alerts.list shows open and recently resolved alerts", async () => {
    const s = await seedKnownSystem();
    // the device has been silent for 12 minutes: DEVICE_OFFLINE (5 min) opens; in the last 15 minutes
    // 1 of 5 calls and deliveries failed: ERROR_RATE (10 %) opens at 20 %
    await checkAlerts(s.tenant.id);
    let list = await s.caller.alerts.list({ tenantId: s.tenant.id });
    const byKind = (l: typeof list.open) => [...l].sort((x, y) => x.kind.localeCompare(y.kind));
    expect(byKind(list.open).map((e) => [e.kind, e.value, e.message])).toEqual([
      ["DEVICE_OFFLINE", 1, "客服电脑"],
      ["ERROR_RATE", 20, "1 of 5 provider calls and deliveries failed in the last 15 minutes"],
    ]);
    const client = await db();
    await client.device.update({ where: { id: s.device.id }, data: { lastHeartbeatAt: new Date() } });
    await checkAlerts(s.tenant.id);
    list = await s.caller.alerts.list({ tenantId: s.tenant.id });
    expect(list.open.map((e) => e.kind)).toEqual(["ERROR_RATE"]);
    expect(list.resolved.map((e) => e.kind)).toEqual(["DEVICE_OFFLINE"]);
  });
});

describe("alert rules", () => {
  it("lists defaults until saved, then the saved values", async () => {
    const t = await ownerWithTenant();
    const rules = await t.caller.alerts.rules({ tenantId: t.tenant.id });
    expect(rules.map((r) => [r.kind, r.enabled, r.threshold])).toEqual([
      ["ERROR_RATE", true, 10],
      ["SLOW_RESPONSE", true, 5000],
      ["TOKEN_BUDGET", true, 1_000_000],
      ["DEVICE_OFFLINE", true, 5],
      ["WAITING_SLA", true, 1],
    ]);
    const saved = await t.caller.alerts.updateRule({
      tenantId: t.tenant.id,
      kind: "SLOW_RESPONSE",
      enabled: false,
      threshold: 8000,
    });
    expect(saved.find((r) => r.kind === "SLOW_RESPONSE")).toMatchObject({ enabled: false, threshold: 8000 });
    const client = await db();
    const audit = await client.auditLog.findFirst({
      where: { tenantId: t.tenant.id, action: "alert-rule.updated" },
    });
    expect(audit?.data).toEqual({ threshold: 8000, enabled: false });
  });

  it("rejects thresholds outside a kind's bounds and unknown kinds", async () => {
    const t = await ownerWithTenant();
    const call = (kind: string, threshold: number) =>
      t.caller.alerts.updateRule({
        tenantId: t.tenant.id,
        kind: kind as "ERROR_RATE",
        enabled: true,
        threshold,
      });
    expect(await errorCode(call("ERROR_RATE", 150))).toBe("BAD_REQUEST");
    expect(await errorCode(call("ERROR_RATE", 0))).toBe("BAD_REQUEST");
    expect(await errorCode(call("DEVICE_OFFLINE", 2.5))).toBe("BAD_REQUEST");
    expect(await errorCode(call("CPU_HOT", 5))).toBe("BAD_REQUEST");
    expect(await errorCode(call("ERROR_RATE", 12.5))).toBe("NO_ERROR");
  });
});

describe("roles", () => {
  it("admins see the system page and edit rules; agents, reviewers and viewers do not", async () => {
    const t = await ownerWithTenant();
    const admin = await memberOf(t.tenant.id, "ADMIN");
    expect(await errorCode(admin.caller.system.overview({ tenantId: t.tenant.id }))).toBe("NO_ERROR");
    expect(await errorCode(admin.caller.alerts.openCount({ tenantId: t.tenant.id }))).toBe("NO_ERROR");
    expect(
      await errorCode(
        admin.caller.alerts.updateRule({
          tenantId: t.tenant.id,
          kind: "WAITING_SLA",
          enabled: true,
          threshold: 3,
        }),
      ),
    ).toBe("NO_ERROR");
    for (const role of ["AGENT", "REVIEWER", "VIEWER"] as const) {
      const m = await memberOf(t.tenant.id, role);
      const tenantId = t.tenant.id;
      expect(await errorCode(m.caller.system.overview({ tenantId }))).toBe("FORBIDDEN");
      expect(await errorCode(m.caller.alerts.list({ tenantId }))).toBe("FORBIDDEN");
      expect(await errorCode(m.caller.alerts.openCount({ tenantId }))).toBe("FORBIDDEN");
      expect(await errorCode(m.caller.alerts.rules({ tenantId }))).toBe("FORBIDDEN");
      expect(
        await errorCode(
          m.caller.alerts.updateRule({ tenantId, kind: "WAITING_SLA", enabled: false, threshold: 1 }),
        ),
      ).toBe("FORBIDDEN");
    }
  });

  it("another tenant's owner sees nothing of this tenant", async () => {
    const s = await seedKnownSystem();
    const other = await ownerWithTenant();
    expect(await errorCode(other.caller.system.overview({ tenantId: s.tenant.id }))).toBe("NOT_FOUND");
    expect(await errorCode(other.caller.alerts.list({ tenantId: s.tenant.id }))).toBe("NOT_FOUND");
    const own = await other.caller.system.overview({ tenantId: other.tenant.id });
    expect(own).toMatchObject({ devices: [], jobs: [], providers: [] });
    expect(own.errorRates.day.calls).toBe(0);
  });
});
