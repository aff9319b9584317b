import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import {
  AGENT_COLUMNS,
  agentAggregate,
  CONVERSATION_COLUMNS,
  conversationAggregate,
  instant,
  MESSAGE_COLUMNS,
  messageAggregate,
  type TWindow,
} from "./rollup-sql";

// Hourly roll-ups (MessageStatHourly, ConversationStatHourly, AgentStatHourly): every hour that
// intersects the range is recomputed whole from the source rows, so a rebuild is idempotent and late
// writes are picked up by the next rebuild of their hour. Rebuilds of one tenant are serialised by an
// advisory lock; deleting first drops hours whose source rows disappeared.

const HOUR = 3600_000;
/** long ranges are rebuilt a week per transaction, so no transaction holds locks for minutes */
const CHUNK = 7 * 24 * HOUR;

const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);
const ceilHour = (d: Date) => new Date(Math.ceil(d.getTime() / HOUR) * HOUR);

type TTable = {
  name: string;
  columns: Prisma.Sql;
  key: string;
  updates: string[];
  select: (w: TWindow) => Prisma.Sql;
};

const TABLES: TTable[] = [
  {
    name: "MessageStatHourly",
    columns: MESSAGE_COLUMNS,
    key: `"tenantId", hour, channel`,
    updates: [
      "customerMessages",
      "botMessages",
      "agentMessages",
      "replies",
      "clarifies",
      "transfers",
      "ignores",
      "repliesWithEvidence",
      "latencyCount",
      "latencySumMs",
      "latencyHist",
    ],
    select: messageAggregate,
  },
  {
    name: "ConversationStatHourly",
    columns: CONVERSATION_COLUMNS,
    key: `"tenantId", hour, channel`,
    updates: ["started", "closed", "closedWithoutHuman", "satisfactionSum", "satisfactionCount"],
    select: conversationAggregate,
  },
  {
    name: "AgentStatHourly",
    columns: AGENT_COLUMNS,
    key: `"tenantId", hour, channel, "userId"`,
    updates: [
      "replies",
      "closed",
      "firstResponseSumMs",
      "firstResponseCount",
      "satisfactionSum",
      "satisfactionCount",
    ],
    select: agentAggregate,
  },
];

async function rebuildChunk(w: TWindow): Promise<void> {
  const client = await db();
  await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dashboard-rollup:${w.tenantId}`}))`;
      for (const t of TABLES) {
        const table = Prisma.raw(`"${t.name}"`);
        await tx.$executeRaw`
          DELETE FROM ${table}
          WHERE "tenantId" = ${w.tenantId} AND hour >= ${instant(w.from)} AND hour < ${instant(w.to)}`;
        const set = Prisma.raw(t.updates.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", "));
        await tx.$executeRaw`
          INSERT INTO ${table} (${t.columns})
          SELECT ${t.columns} FROM (${t.select(w)}) agg
          ON CONFLICT (${Prisma.raw(t.key)}) DO UPDATE SET ${set}`;
      }
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

/** Recomputes every roll-up hour of the tenant that intersects [from, to). */
export async function rebuildRollups(tenantId: string, from: Date, to: Date): Promise<void> {
  const start = floorHour(from);
  const end = ceilHour(to);
  for (let t = start.getTime(); t < end.getTime(); t += CHUNK) {
    await rebuildChunk({ tenantId, from: new Date(t), to: new Date(Math.min(t + CHUNK, end.getTime())) });
  }
}

/** the scheduled job's window: the last two hours, so the previous hour is final soon after it ends */
export const RECENT_HOURS = 2;

export async function rollUpRecent(
  tenantId: string,
  now = new Date(),
): Promise<{ from: string; to: string }> {
  const from = new Date(now.getTime() - RECENT_HOURS * HOUR);
  await rebuildRollups(tenantId, from, now);
  return { from: floorHour(from).toISOString(), to: ceilHour(now).toISOString() };
}
