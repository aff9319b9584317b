import { randomUUID } from "node:crypto";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";

// The history is written set-based: a slice of rows goes to PostgreSQL as one JSON parameter and is
// expanded there (json_populate_recordset), one statement per few thousand rows. Prisma's createMany
// binds every field separately and was ~10× slower for the 30k-message default; this keeps the seed
// well under a minute on PostgreSQL and on the embedded database. Rows are complete: columns whose
// database default Prisma would normally fill in (ids, updatedAt, arrays) are set here.

const SLICE = 2000;

type TRow = Record<string, unknown>;

// NOT NULL columns the generated rows may leave out, per table
const DEFAULTS: Record<string, (r: TRow) => TRow> = {
  Conversation: (r) => ({ chatType: "PRIVATE", entities: {}, botFailureStreak: 0, updatedAt: r.createdAt }),
  Message: () => ({ evidenceIds: [] }),
  ConversationEvent: () => ({ data: {} }),
  UsageRecord: () => ({ purpose: "CHAT" }),
};

function toJson(table: string, rows: TRow[]): string {
  const fill = DEFAULTS[table];
  return JSON.stringify(
    rows.map((r) => ({ id: randomUUID(), ...(fill ? fill(r) : {}), ...r })),
    (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value),
  );
}

async function insertRows(tx: Prisma.TransactionClient, table: string, rows: TRow[]): Promise<void> {
  if (!rows.length) return;
  // every key any row has, so one column list serves the slice (absent optional values are NULL)
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const fill = DEFAULTS[table];
  if (fill) columns.push(...Object.keys(fill(rows[0])).filter((c) => !columns.includes(c)));
  if (!columns.includes("id")) columns.push("id");
  const list = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += SLICE) {
    // table and column names come from this module and the generated rows, never from input
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      toJson(table, rows.slice(i, i + SLICE)),
    );
  }
}

export type THistoryRows = {
  contacts: Prisma.ContactCreateManyInput[];
  transitions: Prisma.ContactStateTransitionCreateManyInput[];
  scores: Prisma.ContactScoreCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  conversations: Prisma.ConversationCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  events: Prisma.ConversationEventCreateManyInput[];
  usage: Prisma.UsageRecordCreateManyInput[];
  jobRuns: Prisma.JobRunCreateManyInput[];
};

/** Writes the whole history in one transaction: either all of it is there or none. */
export async function insertHistory(rows: THistoryRows): Promise<void> {
  const client = await db();
  await client.$transaction(
    async (tx) => {
      // the few hundred customer rows go through Prisma (defaults and Decimal handled there)
      await tx.contact.createMany({ data: rows.contacts });
      await tx.contactStateTransition.createMany({ data: rows.transitions });
      await tx.contactScore.createMany({ data: rows.scores });
      await tx.order.createMany({ data: rows.orders });
      await tx.jobRun.createMany({ data: rows.jobRuns });
      await insertRows(tx, "Conversation", rows.conversations as TRow[]);
      await insertRows(tx, "Message", rows.messages as TRow[]);
      await insertRows(tx, "ConversationEvent", rows.events as TRow[]);
      await insertRows(tx, "UsageRecord", rows.usage as TRow[]);
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
