import { Prisma } from "../../db/generated/prisma/client";
import { LATENCY_BOUNDS, LATENCY_BOUNDS_SQL } from "./latency-buckets";

// The aggregations behind the hourly roll-up tables, written once: rollups.ts inserts their rows, and
// get-overview reads the same SELECTs directly for the still-open hours, so live and rolled-up numbers
// can never be computed differently. Every SELECT yields whole UTC hours of [from, to) for one tenant.
// Prisma stores DateTime as `timestamp` holding UTC, hence the AT TIME ZONE 'UTC' on both sides.

export type TWindow = { tenantId: string; from: Date; to: Date };

/** an instant as the naive UTC timestamp Prisma's columns hold */
export const naiveUtc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
/** an instant as timestamptz (the roll-up tables' `hour`) */
export const instant = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

const hourOf = (col: string) => Prisma.raw(`(date_trunc('hour', ${col}) AT TIME ZONE 'UTC')`);

// one count per latency bucket, in a single pass over the rows
const HIST = Prisma.raw(
  `ARRAY[${LATENCY_BOUNDS.map((_, i) => `count(*) FILTER (WHERE lb = ${i + 1})`).join(", ")}]::int[]`,
);

export const MESSAGE_COLUMNS = Prisma.raw(
  `"tenantId", hour, channel, "customerMessages", "botMessages", "agentMessages", replies, clarifies, ` +
    `transfers, ignores, "repliesWithEvidence", "latencyCount", "latencySumMs", "latencyHist"`,
);

export function messageAggregate(w: TWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${w.tenantId} AS "tenantId", hour, channel,
      count(*) FILTER (WHERE role = 'CUSTOMER')::int AS "customerMessages",
      count(*) FILTER (WHERE role = 'BOT')::int AS "botMessages",
      count(*) FILTER (WHERE role = 'AGENT')::int AS "agentMessages",
      count(*) FILTER (WHERE role = 'BOT' AND action = 'REPLY')::int AS replies,
      count(*) FILTER (WHERE role = 'BOT' AND action = 'CLARIFY')::int AS clarifies,
      count(*) FILTER (WHERE role = 'BOT' AND action = 'TRANSFER')::int AS transfers,
      count(*) FILTER (WHERE role = 'BOT' AND action = 'IGNORE')::int AS ignores,
      count(*) FILTER (WHERE role = 'BOT' AND action = 'REPLY' AND evidence)::int AS "repliesWithEvidence",
      count(*) FILTER (WHERE lb IS NOT NULL)::int AS "latencyCount",
      coalesce(sum(latency) FILTER (WHERE lb IS NOT NULL), 0)::bigint AS "latencySumMs",
      ${HIST} AS "latencyHist"
    FROM (
      SELECT ${hourOf('m."createdAt"')} AS hour, c.channel, m.role, m.action, m."latencyMs" AS latency,
        cardinality(m."evidenceIds") > 0 AS evidence,
        CASE WHEN m.role = 'BOT' AND m."latencyMs" >= 0
          THEN width_bucket(m."latencyMs", ${Prisma.raw(LATENCY_BOUNDS_SQL)}) END AS lb
      FROM "Message" m
      JOIN "Conversation" c ON c.id = m."conversationId" AND c."tenantId" = m."tenantId"
      WHERE m."tenantId" = ${w.tenantId}
        AND m."createdAt" >= ${naiveUtc(w.from)} AND m."createdAt" < ${naiveUtc(w.to)}
    ) x
    GROUP BY hour, channel`;
}

export const CONVERSATION_COLUMNS = Prisma.raw(
  `"tenantId", hour, channel, started, closed, "closedWithoutHuman", "satisfactionSum", "satisfactionCount"`,
);

/** started by createdAt, closed (and its satisfaction) by closedAt */
export function conversationAggregate(w: TWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${w.tenantId} AS "tenantId", hour, channel,
      sum(started)::int AS started, sum(closed)::int AS closed,
      sum(without_human)::int AS "closedWithoutHuman",
      sum(sat)::int AS "satisfactionSum", sum(rated)::int AS "satisfactionCount"
    FROM (
      SELECT ${hourOf('"createdAt"')} AS hour, channel, 1 AS started, 0 AS closed, 0 AS without_human,
        0 AS sat, 0 AS rated
      FROM "Conversation"
      WHERE "tenantId" = ${w.tenantId}
        AND "createdAt" >= ${naiveUtc(w.from)} AND "createdAt" < ${naiveUtc(w.to)}
      UNION ALL
      -- escalatedAt survives a release back to the bot, so it marks "reached a human" for good
      SELECT ${hourOf('"closedAt"')}, channel, 0, 1,
        CASE WHEN "escalatedAt" IS NULL AND "assigneeId" IS NULL THEN 1 ELSE 0 END,
        coalesce(satisfaction, 0), CASE WHEN satisfaction IS NULL THEN 0 ELSE 1 END
      FROM "Conversation"
      WHERE "tenantId" = ${w.tenantId}
        AND "closedAt" >= ${naiveUtc(w.from)} AND "closedAt" < ${naiveUtc(w.to)}
    ) x
    GROUP BY hour, channel`;
}

export const AGENT_COLUMNS = Prisma.raw(
  `"tenantId", hour, channel, "userId", replies, closed, "firstResponseSumMs", "firstResponseCount", ` +
    `"satisfactionSum", "satisfactionCount"`,
);

/** replies by AGENT message authors; closed conversations by their assignee at closing */
export function agentAggregate(w: TWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${w.tenantId} AS "tenantId", hour, channel, "userId",
      sum(replies)::int AS replies, sum(closed)::int AS closed,
      sum(fr_ms)::bigint AS "firstResponseSumMs", sum(fr_n)::int AS "firstResponseCount",
      sum(sat)::int AS "satisfactionSum", sum(rated)::int AS "satisfactionCount"
    FROM (
      SELECT ${hourOf('m."createdAt"')} AS hour, c.channel, m."authorId" AS "userId", 1 AS replies,
        0 AS closed, 0::bigint AS fr_ms, 0 AS fr_n, 0 AS sat, 0 AS rated
      FROM "Message" m
      JOIN "Conversation" c ON c.id = m."conversationId" AND c."tenantId" = m."tenantId"
      WHERE m."tenantId" = ${w.tenantId} AND m.role = 'AGENT' AND m."authorId" IS NOT NULL
        AND m."createdAt" >= ${naiveUtc(w.from)} AND m."createdAt" < ${naiveUtc(w.to)}
      UNION ALL
      SELECT ${hourOf('"closedAt"')}, channel, "assigneeId", 0, 1,
        CASE WHEN "firstResponseAt" >= "escalatedAt"
          THEN round(extract(epoch FROM "firstResponseAt" - "escalatedAt") * 1000)::bigint ELSE 0 END,
        CASE WHEN "firstResponseAt" >= "escalatedAt" THEN 1 ELSE 0 END,
        coalesce(satisfaction, 0), CASE WHEN satisfaction IS NULL THEN 0 ELSE 1 END
      FROM "Conversation"
      WHERE "tenantId" = ${w.tenantId} AND "assigneeId" IS NOT NULL
        AND "closedAt" >= ${naiveUtc(w.from)} AND "closedAt" < ${naiveUtc(w.to)}
    ) x
    GROUP BY hour, channel, "userId"`;
}
