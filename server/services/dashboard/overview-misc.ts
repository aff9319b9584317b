import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { TRange } from "./overview-range";
import { channelFilter, type TChannel } from "./overview-sql";

// The small live reads of the overview: conversation states now, the customer level mix (a manual
// override wins over the computed level) and learned knowledge per local day by review status.

export async function getLive(tenantId: string, channel: TChannel) {
  const client = await db();
  const [conv] = await client.$queryRaw<{ active: number; waiting: number; withAgents: number }[]>`
    SELECT
      count(*) FILTER (WHERE lifecycle IN ('ACTIVE', 'IDLE'))::int AS active,
      count(*) FILTER (WHERE status = 'PENDING_HUMAN')::int AS waiting,
      count(*) FILTER (WHERE status = 'HUMAN')::int AS "withAgents"
    FROM "Conversation"
    WHERE "tenantId" = ${tenantId} AND status IN ('BOT', 'PENDING_HUMAN', 'HUMAN') ${channelFilter(channel)}`;
  const reviewPending = await client.learnedKnowledge.count({ where: { tenantId, status: "PENDING" } });
  return { ...conv, reviewPending };
}

const LEVELS = ["WHITE", "GRAY", "BLACK"] as const;

export async function getCustomerLevels(tenantId: string, channel: TChannel) {
  const client = await db();
  const rows = await client.$queryRaw<{ level: (typeof LEVELS)[number]; count: number }[]>`
    SELECT coalesce("levelOverride", level)::text AS level, count(*)::int AS count
    FROM "Contact" WHERE "tenantId" = ${tenantId} ${channelFilter(channel)}
    GROUP BY 1`;
  return LEVELS.map((level) => ({ level, count: rows.find((r) => r.level === level)?.count ?? 0 }));
}

const STATUS_FIELD = {
  AUTO_APPROVED: "autoApproved",
  APPROVED: "approved",
  // merged into existing knowledge: accepted, like an approval
  MERGED: "approved",
  PENDING: "pending",
  REJECTED: "rejected",
  DISCARDED: "rejected",
} as const;

export async function getLearned(tenantId: string, range: TRange, channel: TChannel) {
  const client = await db();
  const tz = range.timezone;
  // a channel filter keeps only items learned from a conversation of that channel
  const rows = await client.$queryRaw<{ day: string; status: keyof typeof STATUS_FIELD; count: number }[]>`
    SELECT to_char((l."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day,
      l.status::text AS status, count(*)::int AS count
    FROM "LearnedKnowledge" l
    ${
      channel
        ? Prisma.sql`JOIN "Conversation" c ON c.id = l."conversationId" AND c."tenantId" = l."tenantId"
            AND c.channel = ${channel}::"Channel"`
        : Prisma.empty
    }
    WHERE l."tenantId" = ${tenantId}
      AND l."createdAt" >= (${range.start.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND l."createdAt" < (${range.end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    GROUP BY 1, 2`;
  const series = range.days.map((day) => ({ day, autoApproved: 0, approved: 0, pending: 0, rejected: 0 }));
  let total = 0;
  for (const r of rows) {
    const point = series.find((s) => s.day === r.day);
    total += r.count;
    if (point) point[STATUS_FIELD[r.status]] += r.count;
  }
  return { learnedItems: total, learnedSeries: series };
}
