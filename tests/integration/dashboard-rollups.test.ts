import { beforeAll, describe, expect, it } from "vitest";
import { dashboardRollupSchedule } from "../../inngest/functions/dashboard/rollup-schedule";
import { dashboardUsageRollupSchedule } from "../../inngest/functions/dashboard/usage-rollup-schedule";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { latencyBucket } from "../../server/services/dashboard/latency-buckets";
import { rebuildRollups } from "../../server/services/dashboard/rollups";
import { localDay } from "../../server/services/dashboard/tenant-timezone";
import { rebuildUsageDaily } from "../../server/services/dashboard/usage-rollup";
import { D1, D2, local, seedHistory } from "./dashboard-helpers";

// The roll-up tables themselves: exact bucket contents, whole-hour recomputation, idempotency, and the
// scheduled jobs through the in-process runner.

let h: Awaited<ReturnType<typeof seedHistory>>;
const START = local(D1, "00:00");
const END = local("2026-11-12", "00:00");
const overview = (from: string, to: string) =>
  h.owner.caller.dashboard.overview({ tenantId: h.tenantId, from, to });

async function snapshot() {
  const client = await db();
  const where = { tenantId: h.tenantId };
  const orderBy = [{ hour: "asc" as const }, { channel: "asc" as const }];
  return {
    messages: await client.messageStatHourly.findMany({ where, orderBy }),
    conversations: await client.conversationStatHourly.findMany({ where, orderBy }),
    agents: await client.agentStatHourly.findMany({ where, orderBy }),
    usage: (await client.usageDaily.findMany({ where, orderBy: [{ day: "asc" }, { provider: "asc" }] })).map(
      ({ id: _id, ...rest }) => rest,
    ),
  };
}

beforeAll(async () => {
  h = await seedHistory();
});

describe("dashboard roll-ups", () => {
  it("the overview of past days reads the roll-ups: nothing before the first rebuild", async () => {
    expect((await overview(D1, D2)).totals).toMatchObject({
      customerMessages: 0,
      conversations: 0,
      tokens: 0,
    });
    await rebuildRollups(h.tenantId, START, END);
    await rebuildUsageDaily(h.tenantId, D1, D2);
    expect((await overview(D1, D2)).totals).toMatchObject({
      customerMessages: 4,
      conversations: 4,
      tokens: 450,
    });
  });

  it("stores exact hourly buckets per channel", async () => {
    const s = await snapshot();
    const tenAm = s.messages.find((r) => r.hour.getTime() === local(D1, "10:00").getTime());
    const hist = new Array<number>(tenAm?.latencyHist.length ?? 0).fill(0);
    hist[latencyBucket(1000) - 1]++;
    hist[latencyBucket(2000) - 1]++;
    expect(tenAm).toMatchObject({
      channel: "WECHAT",
      customerMessages: 2,
      botMessages: 2,
      agentMessages: 0,
      replies: 1,
      clarifies: 1,
      transfers: 0,
      ignores: 0,
      repliesWithEvidence: 1,
      latencyCount: 2,
      latencySumMs: 3000n,
      latencyHist: hist,
    });
    expect(s.messages.map((r) => [r.hour.toISOString(), r.channel])).toEqual([
      [local(D1, "10:00").toISOString(), "WECHAT"],
      [local(D1, "23:00").toISOString(), "WIDGET"],
      [local(D2, "00:00").toISOString(), "WIDGET"],
      [local(D2, "09:00").toISOString(), "WECHAT"],
    ]);
    const closedB = s.conversations.find((r) => r.hour.getTime() === local(D2, "01:00").getTime());
    expect(closedB).toMatchObject({
      channel: "WIDGET",
      started: 0,
      closed: 1,
      closedWithoutHuman: 0,
      satisfactionSum: 3,
      satisfactionCount: 1,
    });
    expect(
      s.agents.map((r) => [r.hour.toISOString(), r.userId, r.replies, r.closed, r.firstResponseSumMs]),
    ).toEqual([
      [local(D2, "00:00").toISOString(), h.agent.user.id, 1, 0, 0n],
      [local(D2, "01:00").toISOString(), h.agent.user.id, 0, 1, 60_000n],
    ]);
    // a 23:30 local usage record counts on that local day
    expect(
      s.usage.map((u) => [u.day.toISOString().slice(0, 10), u.provider, u.requests, u.failures]),
    ).toEqual([
      [D1, "deepseek", 2, 1],
      [D2, "qwen", 1, 0],
    ]);
  });

  it("rebuilding is idempotent and recomputes whole hours", async () => {
    const before = await snapshot();
    const o1 = await overview(D1, D2);
    await rebuildRollups(h.tenantId, START, END);
    await rebuildUsageDaily(h.tenantId, D1, D2);
    // a quarter of an hour recomputes the whole hour, not a part of it
    await rebuildRollups(h.tenantId, local(D1, "10:30"), local(D1, "10:45"));
    expect(await snapshot()).toEqual(before);
    expect(await overview(D1, D2)).toEqual(o1);
  });

  it("picks up late writes and deletions of an hour", async () => {
    const client = await db();
    const conv = await client.conversation.findFirstOrThrow({
      where: { tenantId: h.tenantId, channel: "WECHAT" },
    });
    const late = await client.message.create({
      data: {
        tenantId: h.tenantId,
        conversationId: conv.id,
        role: "CUSTOMER",
        content: "late",
        createdAt: local(D1, "10:30"),
      },
    });
    await rebuildRollups(h.tenantId, local(D1, "10:00"), local(D1, "11:00"));
    expect((await overview(D1, D2)).totals.customerMessages).toBe(5);
    await client.message.delete({ where: { id: late.id } });
    await client.message.deleteMany({
      where: { tenantId: h.tenantId, createdAt: { gte: local(D2, "09:00"), lt: local(D2, "10:00") } },
    });
    await rebuildRollups(h.tenantId, START, END);
    const s = await snapshot();
    // the emptied 09:00 hour is gone, not left with stale counts
    expect(s.messages.some((r) => r.hour.getTime() === local(D2, "09:00").getTime())).toBe(false);
    expect((await overview(D1, D2)).totals.customerMessages).toBe(3);
  });

  it("reads the open hours live, without a roll-up", async () => {
    const client = await db();
    const tz = (await client.tenant.findUniqueOrThrow({ where: { id: h.tenantId } })).timezone;
    const now = new Date();
    const today = localDay(now, tz);
    const yesterday = localDay(new Date(now.getTime() - 86_400_000), tz);
    const before = (await overview(yesterday, today)).totals;
    const conv = await client.conversation.findFirstOrThrow({
      where: { tenantId: h.tenantId, channel: "WIDGET" },
    });
    await client.message.create({
      data: { tenantId: h.tenantId, conversationId: conv.id, role: "CUSTOMER", content: "now" },
    });
    await client.usageRecord.create({
      data: {
        tenantId: h.tenantId,
        provider: "deepseek",
        model: "deepseek-chat",
        tokensIn: 7,
        tokensOut: 3,
        costMicros: 5n,
      },
    });
    const after = (await overview(yesterday, today)).totals;
    expect(after.customerMessages).toBe(before.customerMessages + 1);
    expect(after.tokens).toBe(before.tokens + 10);
    expect(after.costMicros).toBe(before.costMicros + 5);
  });

  it("the schedules roll up active tenants through the in-process jobs", async () => {
    const client = await db();
    const idle = await client.tenant.create({ data: { name: "Idle", slug: `idle-${Date.now()}` } });
    const r = (await dashboardRollupSchedule.tick()) as { tenants: number };
    const u = (await dashboardUsageRollupSchedule.tick()) as { tenants: number };
    expect(r.tenants).toBeGreaterThanOrEqual(1);
    expect(u.tenants).toBeGreaterThanOrEqual(1);
    await drainInProcessJobs();
    const runs = await client.jobRun.findMany({
      where: { tenantId: { in: [h.tenantId, idle.id] } },
      select: { tenantId: true, functionId: true, status: true },
      orderBy: { functionId: "asc" },
    });
    expect(runs.filter((x) => x.functionId.startsWith("dashboard-"))).toEqual([
      { tenantId: h.tenantId, functionId: "dashboard-rollup-tenant", status: "SUCCEEDED" },
      { tenantId: h.tenantId, functionId: "dashboard-usage-rollup-tenant", status: "SUCCEEDED" },
    ]);
    // the message and usage written "now" (previous test) are in the roll-ups
    const hour = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
    const rows = await client.messageStatHourly.findMany({
      where: { tenantId: h.tenantId, hour: { gte: new Date(hour.getTime() - 3600_000) } },
    });
    expect(rows.reduce((s, x) => s + x.customerMessages, 0)).toBe(1);
    const usage = await client.usageDaily.findMany({
      where: { tenantId: h.tenantId, day: { gt: new Date(`${D2}T00:00:00Z`) } },
    });
    expect(usage.reduce((s, x) => s + x.tokensIn + x.tokensOut, 0)).toBe(10);
  });
});
