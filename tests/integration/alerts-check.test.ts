import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { checkAlertsJob } from "../../inngest/functions/alerts/check-alerts";
import { checkAlertsSchedule } from "../../inngest/functions/alerts/check-alerts-schedule";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { checkAlerts } from "../../server/services/alerts/check-alerts";
import { startSmtpPeer } from "../fakes/smtp-peer";
import { alertEventsOf, minutesAgo, seedDevice, seedMessages, seedUsage } from "./alerts-helpers";
import { memberOf, ownerWithTenant } from "./helpers";
import { seedConversation } from "./workbench-helpers";

// Each alert kind opens an AlertEvent when its data crosses the threshold and resolves it when the data
// clears; one e-mail per opened alert over a real SMTP peer; a repeated or concurrent check never opens
// a second event for the same kind.

let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Kefu <alerts@kefu.test>";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  reloadEnv();
  await smtp.close();
});

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

/** the job through the in-process runner: check, then one e-mail step per opened alert */
const runCheck = (tenantId: string) =>
  runJobInProcess(checkAlertsJob as never, { tenantId }, { backoffMs: 10 });

async function expectOpenThenResolved(
  tenant: Awaited<ReturnType<typeof ownerWithTenant>>,
  kind: string,
  clear: () => Promise<unknown>,
) {
  await runCheck(tenant.tenant.id);
  let events = await alertEventsOf(tenant.tenant.id);
  expect(events.map((e) => [e.kind, e.resolvedAt])).toEqual([[kind, null]]);
  expect(mailsTo(tenant.user.email)).toHaveLength(1);
  // a second check while the condition holds: no new event, no new mail
  await runCheck(tenant.tenant.id);
  expect(await alertEventsOf(tenant.tenant.id)).toHaveLength(1);
  expect(mailsTo(tenant.user.email)).toHaveLength(1);
  await clear();
  await runCheck(tenant.tenant.id);
  events = await alertEventsOf(tenant.tenant.id);
  expect(events).toHaveLength(1);
  expect(events[0]!.resolvedAt).toBeInstanceOf(Date);
  expect(mailsTo(tenant.user.email)).toHaveLength(1);
  return events[0]!;
}

describe("alert kinds", () => {
  it("ERROR_RATE opens at ≥ 10 % failed calls and deliveries in 15 min and resolves below", async () => {
    const t = await ownerWithTenant();
    const { conversationId } = await seedConversation(t.tenant.id, { status: "HUMAN" });
    // 1 failed call of 6 and 1 failed delivery of 4 → 2 of 10 = 20 %; failures before the window do not count
    await seedUsage(t.tenant.id, [{ ok: false }, ...Array.from({ length: 5 }, () => ({ ok: true }))]);
    await seedUsage(t.tenant.id, [
      { ok: false, at: minutesAgo(20) },
      { ok: false, at: minutesAgo(20) },
    ]);
    await seedMessages(t.tenant.id, conversationId, [
      { role: "AGENT", delivery: "FAILED" },
      { role: "AGENT", delivery: "SENT" },
      { role: "AGENT", delivery: "SENT" },
      { role: "AGENT", delivery: "SENT" },
    ]);
    const event = await expectOpenThenResolved(t, "ERROR_RATE", () =>
      // 2 of 30 = 6.7 %
      seedUsage(
        t.tenant.id,
        Array.from({ length: 20 }, () => ({ ok: true })),
      ),
    );
    // a resolved event keeps the last value measured while it was open
    expect(event.value).toBe(20);
    const mail = mailsTo(t.user.email)[0]!;
    expect(mail.raw).toMatch(/Subject:/);
    expect(mail.text).toContain("2 of 10 provider calls and deliveries failed");
  });

  it("ERROR_RATE stays quiet on fewer than 5 calls (one failure is not a rate)", async () => {
    const t = await ownerWithTenant();
    await seedUsage(t.tenant.id, [{ ok: false }, { ok: false }]);
    await runCheck(t.tenant.id);
    expect(await alertEventsOf(t.tenant.id)).toEqual([]);
  });

  it("SLOW_RESPONSE opens when bot latency p95 over 15 min is above 5000 ms", async () => {
    const t = await ownerWithTenant();
    const { conversationId } = await seedConversation(t.tenant.id, { status: "BOT" });
    await seedMessages(t.tenant.id, conversationId, [
      { role: "BOT", latencyMs: 1000 },
      { role: "BOT", latencyMs: 8000 },
      { role: "BOT", latencyMs: 9000 },
    ]);
    const client = await db();
    await expectOpenThenResolved(t, "SLOW_RESPONSE", async () => {
      await client.message.updateMany({
        where: { conversationId, role: "BOT" },
        data: { createdAt: minutesAgo(16) },
      });
      await seedMessages(t.tenant.id, conversationId, [{ role: "BOT", latencyMs: 900 }]);
    });
    const first = (await alertEventsOf(t.tenant.id))[0]!;
    expect(first.message).toContain("replies in the last 15 minutes");
  });

  it("TOKEN_BUDGET opens when today's tokens pass the threshold set through tRPC", async () => {
    const t = await ownerWithTenant();
    await t.caller.alerts.updateRule({
      tenantId: t.tenant.id,
      kind: "TOKEN_BUDGET",
      enabled: true,
      threshold: 1000,
    });
    await seedUsage(t.tenant.id, [
      { tokensIn: 700, tokensOut: 200 },
      { tokensIn: 100, tokensOut: 50 },
    ]);
    const event = await expectOpenThenResolved(t, "TOKEN_BUDGET", () =>
      t.caller.alerts.updateRule({
        tenantId: t.tenant.id,
        kind: "TOKEN_BUDGET",
        enabled: true,
        threshold: 5000,
      }),
    );
    expect(event.value).toBe(1050);
  });

  it("DEVICE_OFFLINE opens for a device silent longer than 5 min and resolves on its heartbeat", async () => {
    const t = await ownerWithTenant();
    const device = await seedDevice(t.tenant.id, { name: "前台电脑", lastHeartbeatAt: minutesAgo(7) });
    await seedDevice(t.tenant.id, { name: "仓库电脑", lastHeartbeatAt: minutesAgo(1) });
    const client = await db();
    await runCheck(t.tenant.id);
    const [open] = await alertEventsOf(t.tenant.id);
    expect(open).toMatchObject({ kind: "DEVICE_OFFLINE", value: 1, message: "前台电脑", resolvedAt: null });
    await client.device.update({ where: { id: device.id }, data: { lastHeartbeatAt: new Date() } });
    await runCheck(t.tenant.id);
    expect((await alertEventsOf(t.tenant.id))[0]!.resolvedAt).toBeInstanceOf(Date);
    expect(mailsTo(t.user.email)).toHaveLength(1);
    expect(mailsTo(t.user.email)[0]!.text).toContain("前台电脑");
  });

  it("WAITING_SLA opens for a waiting conversation past its band's target and resolves on a response", async () => {
    const t = await ownerWithTenant();
    // normal band: 30 min; 45 min waiting is breached, 10 min is not
    const late = await seedConversation(t.tenant.id, { status: "PENDING_HUMAN", waitedMinutes: 45 });
    await seedConversation(t.tenant.id, { status: "PENDING_HUMAN", waitedMinutes: 10 });
    const client = await db();
    const event = await expectOpenThenResolved(t, "WAITING_SLA", () =>
      client.conversation.update({
        where: { id: late.conversationId },
        data: { status: "HUMAN", firstResponseAt: new Date() },
      }),
    );
    expect(event.value).toBe(1);
  });
});

describe("checks and e-mails", () => {
  it("mails the notification address when set, else every owner and admin, one mail per open", async () => {
    const t = await ownerWithTenant();
    const admin = await memberOf(t.tenant.id, "ADMIN");
    const agent = await memberOf(t.tenant.id, "AGENT");
    await seedDevice(t.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    const before = smtp.received.length;
    await runCheck(t.tenant.id);
    const sent = smtp.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to.sort()).toEqual([t.user.email, admin.user.email].sort());
    expect(sent[0]!.to).not.toContain(agent.user.email);

    const other = await ownerWithTenant();
    await other.caller.supportSettings.update({
      tenantId: other.tenant.id,
      notificationEmail: "ops@example.com",
    });
    await seedDevice(other.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    await runCheck(other.tenant.id);
    expect(smtp.received.slice(before + 1).map((m) => m.to)).toEqual([["ops@example.com"]]);
  });

  it("concurrent checks open one event and send one mail", async () => {
    const t = await ownerWithTenant();
    await seedDevice(t.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    const results = await Promise.all([runCheck(t.tenant.id), runCheck(t.tenant.id), runCheck(t.tenant.id)]);
    expect(results.flatMap((r) => (r as { opened: string[] }).opened)).toHaveLength(1);
    expect(await alertEventsOf(t.tenant.id)).toHaveLength(1);
    expect(mailsTo(t.user.email)).toHaveLength(1);
  });

  it("a disabled rule resolves its open event and opens nothing", async () => {
    const t = await ownerWithTenant();
    await seedDevice(t.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    await checkAlerts(t.tenant.id);
    await t.caller.alerts.updateRule({
      tenantId: t.tenant.id,
      kind: "DEVICE_OFFLINE",
      enabled: false,
      threshold: 5,
    });
    const res = await checkAlerts(t.tenant.id);
    expect(res.opened).toEqual([]);
    expect(res.resolved).toHaveLength(1);
    expect((await t.caller.alerts.list({ tenantId: t.tenant.id })).open).toEqual([]);
  });

  it("a temporary SMTP failure is retried without a second event or a second mail", async () => {
    const t = await ownerWithTenant();
    await seedDevice(t.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    smtp.refuse(1);
    await runCheck(t.tenant.id);
    expect(await alertEventsOf(t.tenant.id)).toHaveLength(1);
    expect(mailsTo(t.user.email)).toHaveLength(1);
  });

  it("without SMTP nothing is sent and the audit log says so", async () => {
    const t = await ownerWithTenant();
    await seedDevice(t.tenant.id, { lastHeartbeatAt: minutesAgo(30) });
    delete process.env.SMTP_URL;
    reloadEnv();
    try {
      await runCheck(t.tenant.id);
    } finally {
      process.env.SMTP_URL = smtp.url;
      reloadEnv();
    }
    expect(await alertEventsOf(t.tenant.id)).toHaveLength(1);
    expect(mailsTo(t.user.email)).toHaveLength(0);
    const client = await db();
    const audit = await client.auditLog.findMany({
      where: { tenantId: t.tenant.id, action: "alert.notified" },
    });
    expect(audit.map((a) => a.data)).toEqual([
      { kind: "DEVICE_OFFLINE", sent: false, recipients: 1, reason: "SMTP is not configured (SMTP_URL)" },
    ]);
  });

  it("the schedule's tick checks every tenant through the event and the runner, and only its own data", async () => {
    const a = await ownerWithTenant();
    const b = await ownerWithTenant();
    await seedDevice(b.tenant.id, { name: "B 的电脑", lastHeartbeatAt: minutesAgo(30) });
    await checkAlertsSchedule.tick();
    await drainInProcessJobs();
    expect(await alertEventsOf(a.tenant.id)).toEqual([]);
    expect((await alertEventsOf(b.tenant.id)).map((e) => e.message)).toEqual(["B 的电脑"]);
    expect((await a.caller.alerts.openCount({ tenantId: a.tenant.id })).open).toBe(0);
    expect((await b.caller.alerts.openCount({ tenantId: b.tenant.id })).open).toBe(1);
    const client = await db();
    const runs = await client.jobRun.findMany({
      where: { tenantId: b.tenant.id, functionId: "alerts-check" },
    });
    expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED"]);
  });

  it("rejects an invalid event payload", async () => {
    await expect(emit("kefu/alerts.check-requested", { tenantId: "nope" } as never)).rejects.toThrow();
  });
});
