import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import {
  histogramQuantile,
  LATENCY_BUCKETS,
  latencyBucket,
} from "../../server/services/dashboard/latency-buckets";
import { rebuildRollups } from "../../server/services/dashboard/rollups";
import { rebuildUsageDaily } from "../../server/services/dashboard/usage-rollup";
import { D1, D2, local, seedHistory } from "./dashboard-helpers";
import { caught, memberOf } from "./helpers";

// The overview through the tRPC caller over a known history (dashboard-helpers.ts): exact totals,
// rates, series, the channel filter and the tenant's day boundaries.

let h: Awaited<ReturnType<typeof seedHistory>>;
const overview = (input: { from: string; to: string; channel?: "WECHAT" | "WIDGET" }) =>
  h.owner.caller.dashboard.overview({ tenantId: h.tenantId, ...input });

function quantileOf(samples: number[], q: number) {
  const hist = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const s of samples) hist[latencyBucket(s) - 1]++;
  return histogramQuantile(hist, q);
}

beforeAll(async () => {
  h = await seedHistory();
  await rebuildRollups(h.tenantId, local(D1, "00:00"), local("2026-11-12", "00:00"));
  await rebuildUsageDaily(h.tenantId, D1, D2);
});

describe("dashboard overview", () => {
  it("totals, rates, usage, learned items and live numbers over two days", async () => {
    const o = await overview({ from: D1, to: D2 });
    expect(o.range).toEqual({ from: D1, to: D2, granularity: "hour", timezone: "Asia/Shanghai" });
    expect(o.totals).toEqual({
      customerMessages: 4,
      botMessages: 4,
      agentMessages: 1,
      conversations: 4,
      botResolutionRate: 0.5, // A closed without a human, B with one
      transferRate: 0.25,
      clarifyRate: 0.25,
      knowledgeHitRate: 0.5, // 2 replies, 1 with evidence
      responseP50Ms: quantileOf([1000, 2000, 500, 3000], 0.5),
      responseP95Ms: quantileOf([1000, 2000, 500, 3000], 0.95),
      tokens: 450,
      costMicros: 4000,
      satisfactionAvg: 4,
      learnedItems: 3,
    });
    expect(o.totals.responseP50Ms).toBeGreaterThanOrEqual(800);
    expect(o.totals.responseP50Ms).toBeLessThanOrEqual(1300);
    expect(o.live).toEqual({ active: 2, waiting: 1, withAgents: 1, reviewPending: 1 });
    expect(o.customerLevels).toEqual([
      { level: "WHITE", count: 1 },
      { level: "GRAY", count: 0 },
      { level: "BLACK", count: 1 },
    ]);
    expect(o.usageByProvider).toEqual([
      { provider: "qwen", model: "qwen-max", requests: 1, failures: 0, tokens: 300, costMicros: 3000 },
      {
        provider: "deepseek",
        model: "deepseek-chat",
        requests: 2,
        failures: 1,
        tokens: 150,
        costMicros: 1000,
      },
    ]);
    expect(o.usageSeries).toEqual([
      { day: D1, provider: "deepseek", tokensIn: 100, tokensOut: 50, costMicros: 1000 },
      { day: D2, provider: "qwen", tokensIn: 200, tokensOut: 100, costMicros: 3000 },
    ]);
    expect(o.learnedSeries).toEqual([
      { day: D1, autoApproved: 1, approved: 0, pending: 0, rejected: 0 },
      { day: D2, autoApproved: 0, approved: 0, pending: 1, rejected: 1 },
    ]);
    expect(o.agents).toEqual([
      {
        userId: h.agent.user.id,
        name: "AGENT",
        active: 1,
        closed: 1,
        replies: 1,
        avgFirstResponseMs: 60_000,
        satisfactionAvg: 3,
        ratings: 1,
      },
    ]);
  });

  it("hourly series for up to two days, daily quality by local day", async () => {
    const o = await overview({ from: D1, to: D2 });
    expect(o.messageSeries).toHaveLength(48);
    expect(o.messageSeries[0].bucket).toBe(local(D1, "00:00").toISOString());
    const at = (d: string, hm: string) =>
      o.messageSeries.find((p) => p.bucket === local(d, hm).toISOString());
    expect(at(D1, "10:00")).toMatchObject({ customer: 2, bot: 2, agent: 0 });
    expect(at(D1, "23:00")).toMatchObject({ customer: 1, bot: 1, agent: 0 });
    expect(at(D2, "00:00")).toMatchObject({ customer: 0, bot: 0, agent: 1 });
    expect(
      o.qualitySeries.map((q) => [
        q.day,
        q.botResolutionRate,
        q.transferRate,
        q.clarifyRate,
        q.knowledgeHitRate,
      ]),
    ).toEqual([
      [D1, 1, 1 / 3, 1 / 3, 1],
      [D2, 0, 0, 0, 0],
    ]);
    expect(o.qualitySeries[1].responseP50Ms).toBe(quantileOf([3000], 0.5));
  });

  it("a message at 23:30 local belongs to that local day; 00:30 to the next", async () => {
    const o = await overview({ from: D1, to: "2026-11-12" });
    expect(o.range.granularity).toBe("day");
    expect(o.messageSeries.map((p) => [p.bucket, p.customer, p.bot, p.agent])).toEqual([
      [local(D1, "00:00").toISOString(), 3, 3, 0],
      [local(D2, "00:00").toISOString(), 1, 1, 1],
      [local("2026-11-12", "00:00").toISOString(), 0, 0, 0],
    ]);
    // in UTC the agent's 00:30 reply (16:30Z) falls on D1; hourly roll-ups need no rebuild for that
    const client = await db();
    await client.tenant.update({ where: { id: h.tenantId }, data: { timezone: "UTC" } });
    try {
      const utc = await overview({ from: D1, to: "2026-11-12" });
      expect(utc.range.timezone).toBe("UTC");
      expect(utc.messageSeries.map((p) => [p.customer, p.bot, p.agent])).toEqual([
        [3, 3, 1],
        [1, 1, 0],
        [0, 0, 0],
      ]);
    } finally {
      await client.tenant.update({ where: { id: h.tenantId }, data: { timezone: "Asia/Shanghai" } });
    }
  });

  it("filters by channel", async () => {
    const o = await overview({ from: D1, to: D2, channel: "WECHAT" });
    expect(o.totals).toMatchObject({
      customerMessages: 3,
      botMessages: 3,
      agentMessages: 0,
      conversations: 2,
      botResolutionRate: 1,
      transferRate: 0,
      clarifyRate: 1 / 3,
      knowledgeHitRate: 0.5,
      satisfactionAvg: 5,
      learnedItems: 2,
    });
    expect(o.live).toEqual({ active: 1, waiting: 1, withAgents: 0, reviewPending: 1 });
    expect(o.customerLevels.find((l) => l.level === "BLACK")?.count).toBe(0);
    expect(o.agents).toEqual([
      expect.objectContaining({ userId: h.agent.user.id, active: 0, closed: 0, replies: 0 }),
    ]);
    const widget = await overview({ from: D1, to: D2, channel: "WIDGET" });
    expect(widget.totals).toMatchObject({
      customerMessages: 1,
      agentMessages: 1,
      conversations: 2,
      transferRate: 1,
    });
  });

  it("an empty range has zeros and null rates", async () => {
    const o = await overview({ from: "2026-10-01", to: "2026-10-05" });
    expect(o.totals).toMatchObject({ customerMessages: 0, conversations: 0, tokens: 0, learnedItems: 0 });
    expect(o.totals.botResolutionRate).toBeNull();
    expect(o.totals.responseP95Ms).toBeNull();
    expect(o.messageSeries).toHaveLength(5);
    expect(o.qualitySeries.every((q) => q.transferRate === null)).toBe(true);
  });

  it("refuses bad ranges with a clear error", async () => {
    const backwards = await caught(overview({ from: D2, to: D1 }));
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.message).toMatch(/ends before it starts/);
    const tooLong = await caught(overview({ from: "2026-01-01", to: "2026-04-04" }));
    expect(tooLong.code).toBe("BAD_REQUEST");
    expect(tooLong.message).toMatch(/92 days/);
    expect((await caught(overview({ from: "2026-02-30", to: "2026-03-01" }))).code).toBe("BAD_REQUEST");
    expect((await caught(overview({ from: "2026/11/10", to: D2 }))).code).toBe("BAD_REQUEST");
    // 92 days after the first day is the longest range allowed
    const longest = await overview({ from: "2026-01-01", to: "2026-04-03" });
    expect(longest.qualitySeries).toHaveLength(93);
  });

  it("viewers may read it (dashboard.read)", async () => {
    const viewer = await memberOf(h.tenantId, "VIEWER");
    const o = await viewer.caller.dashboard.overview({ tenantId: h.tenantId, from: D1, to: D2 });
    expect(o.totals.customerMessages).toBe(4);
  });
});
