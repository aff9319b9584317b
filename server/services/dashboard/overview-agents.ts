import { db } from "../../db/client";
import type { TRange } from "./overview-range";
import { rolledAndLive, type TChannel, channelFilter } from "./overview-sql";
import { agentAggregate } from "./rollup-sql";

// Agent workload: assigned conversations now, and per range the replies written, conversations closed
// while assigned, average first response (escalation → first agent reply) and satisfaction of those.
// Listed: every AGENT member (idle ones too, so an empty row shows who had nothing) and anyone else
// with numbers (owners and admins who answered, people who have since left the tenant).

type TStatRow = {
  userId: string;
  replies: number;
  closed: number;
  frSum: number;
  frCount: number;
  satSum: number;
  satCount: number;
};

async function statRows(tenantId: string, range: TRange, channel: TChannel): Promise<TStatRow[]> {
  const client = await db();
  const source = rolledAndLive(
    tenantId,
    range,
    "AgentStatHourly",
    `"userId", replies, closed, "firstResponseSumMs", "firstResponseCount", "satisfactionSum", "satisfactionCount"`,
    agentAggregate,
    channel,
  );
  return client.$queryRaw<TStatRow[]>`
    SELECT "userId", sum(replies)::int AS replies, sum(closed)::int AS closed,
      sum("firstResponseSumMs")::float8 AS "frSum", sum("firstResponseCount")::int AS "frCount",
      sum("satisfactionSum")::int AS "satSum", sum("satisfactionCount")::int AS "satCount"
    FROM (${source}) r GROUP BY 1`;
}

async function activeRows(tenantId: string, channel: TChannel) {
  const client = await db();
  return client.$queryRaw<{ userId: string; active: number }[]>`
    SELECT "assigneeId" AS "userId", count(*)::int AS active FROM "Conversation"
    WHERE "tenantId" = ${tenantId} AND status = 'HUMAN' AND "assigneeId" IS NOT NULL ${channelFilter(channel)}
    GROUP BY 1`;
}

export async function getAgents(tenantId: string, range: TRange, channel: TChannel) {
  const client = await db();
  const [stats, active, members] = await Promise.all([
    statRows(tenantId, range, channel),
    activeRows(tenantId, channel),
    client.membership.findMany({
      where: { tenantId },
      select: { userId: true, role: true, user: { select: { name: true } } },
    }),
  ]);
  const ids = new Set<string>([
    ...members.filter((m) => m.role === "AGENT").map((m) => m.userId),
    ...stats.map((s) => s.userId),
    ...active.map((a) => a.userId),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  const missing = [...ids].filter((id) => !names.has(id));
  if (missing.length) {
    const users = await client.user.findMany({
      where: { id: { in: missing } },
      select: { id: true, name: true },
    });
    for (const u of users) names.set(u.id, u.name);
  }
  const statOf = new Map(stats.map((s) => [s.userId, s]));
  const activeOf = new Map(active.map((a) => [a.userId, a.active]));
  return [...ids]
    .map((userId) => {
      const s = statOf.get(userId);
      return {
        userId,
        name: names.get(userId) ?? "—",
        active: activeOf.get(userId) ?? 0,
        closed: s?.closed ?? 0,
        replies: s?.replies ?? 0,
        avgFirstResponseMs: s && s.frCount > 0 ? Math.round(s.frSum / s.frCount) : null,
        satisfactionAvg: s && s.satCount > 0 ? s.satSum / s.satCount : null,
        ratings: s?.satCount ?? 0,
      };
    })
    .sort((a, b) => b.closed - a.closed || b.replies - a.replies || a.name.localeCompare(b.name));
}
