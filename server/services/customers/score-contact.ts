import { db, rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { CustomerLevel, CustomerState } from "../../db/generated/prisma/enums";
import { notFound } from "../../errors";
import { computeScore, effectiveLevel, levelOf, type TScoreParts } from "./score-formula";

// Re-scores one contact from the database (formula and normalisation in score-formula.ts): writes
// score and computed level on the contact and appends a ContactScore row (the score history) when the
// score or level changed, or the last point is a day old. It runs after every burst of a customer's
// messages, so it is two statements: everything it reads in one, everything it writes in another
// (it used to be ten through the ORM).

const DAY_MS = 86_400_000;
const sql = Prisma.sql;

export type TRescoreResult = TScoreParts & { contactId: string; level: string; effectiveLevel: string };

/** What the re-scoring read, for the caller's next step (the lifecycle state, rescore-job.ts). */
export type TScoredContact = {
  state: CustomerState;
  lastSeenAt: Date | null;
  createdAt: Date;
  orders: number;
};

/** The tenant's average order value; orders of 0 (cancelled, samples) do not drag it down. */
export async function tenantAverageOrderValue(tenantId: string): Promise<number> {
  const client = await db();
  const agg = await client.order.aggregate({
    where: { tenantId, amount: { gt: 0 } },
    _avg: { amount: true },
  });
  return agg._avg.amount ? Number(agg._avg.amount) : 0;
}

type TInputs = TScoredContact & {
  positiveFeedback: number;
  conversationCount: number;
  dealAmount: number;
  levelOverride: CustomerLevel | null;
  ratings: number[] | null;
  messagesTotal: number;
  messagesLast30Days: number;
  averageOrderValue: number | null;
  lastScore: number | null;
  lastLevel: CustomerLevel | null;
  lastAt: Date | null;
};

async function readInputs(tenantId: string, contactId: string, now: Date, withAverage: boolean) {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const average = withAverage
    ? sql`(SELECT avg(amount)::float8 FROM "Order" WHERE "tenantId" = ${tenantId} AND amount > 0)`
    : sql`NULL::float8`;
  const [row] = await rawQuery<TInputs>(sql`
    SELECT k."positiveFeedback", k."conversationCount", k."dealAmount"::float8 AS "dealAmount",
      k."levelOverride", k.state, k."lastSeenAt", k."createdAt",
      (SELECT array_agg(v.satisfaction) FROM "Conversation" v
        WHERE v."tenantId" = ${tenantId} AND v."contactId" = k.id AND v.satisfaction IS NOT NULL) AS ratings,
      m.total AS "messagesTotal", m.recent AS "messagesLast30Days",
      (SELECT count(*)::int FROM "Order" o WHERE o."tenantId" = ${tenantId} AND o."contactId" = k.id) AS orders,
      ${average} AS "averageOrderValue",
      s.score AS "lastScore", s.level AS "lastLevel", s."createdAt" AS "lastAt"
    FROM "Contact" k
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE x."createdAt" >= ${since.toISOString()}::timestamptz))::int AS recent
      FROM "Message" x JOIN "Conversation" v ON v.id = x."conversationId"
      WHERE x."tenantId" = ${tenantId} AND x.role = 'CUSTOMER' AND v."tenantId" = ${tenantId} AND v."contactId" = k.id
    ) m
    LEFT JOIN LATERAL (
      SELECT score, level, "createdAt" FROM "ContactScore"
      WHERE "tenantId" = ${tenantId} AND "contactId" = k.id ORDER BY "createdAt" DESC LIMIT 1
    ) s ON true
    WHERE k.id = ${contactId} AND k."tenantId" = ${tenantId}`);
  return row ?? null;
}

export async function rescoreContact(
  tenantId: string,
  contactId: string,
  opts: { now?: Date; averageOrderValue?: number } = {},
): Promise<TRescoreResult & { contact: TScoredContact }> {
  const now = opts.now ?? new Date();
  const i = await readInputs(tenantId, contactId, now, opts.averageOrderValue === undefined);
  if (!i) throw notFound("Customer");
  const parts = computeScore({
    ratings: i.ratings ?? [],
    positiveFeedback: i.positiveFeedback,
    conversationCount: i.conversationCount,
    messagesLast30Days: i.messagesLast30Days,
    messagesTotal: i.messagesTotal,
    dealAmount: i.dealAmount,
    tenantAverageOrderValue: opts.averageOrderValue ?? i.averageOrderValue ?? 0,
  });
  const level = levelOf(parts.score);
  const effective = effectiveLevel({ level, levelOverride: i.levelOverride });
  // every burst re-scores: the history gets a point when something changed, or once a day, not one
  // row per message; it keeps the level that applied (override included), which the customer got
  const changed =
    i.lastAt === null ||
    i.lastScore !== parts.score ||
    i.lastLevel !== effective ||
    now.getTime() - i.lastAt.getTime() >= DAY_MS;
  const point = changed
    ? sql`, point AS (
        INSERT INTO "ContactScore" (id, "tenantId", "contactId", score, satisfaction, activity, value, level)
        SELECT gen_random_uuid()::text, ${tenantId}, id, ${parts.score}, ${parts.satisfaction}, ${parts.activity},
          ${parts.value}, ${effective}::"CustomerLevel" FROM scored)`
    : Prisma.empty;
  await rawQuery(sql`
    WITH scored AS (
      UPDATE "Contact" SET score = ${parts.score}, level = ${level}::"CustomerLevel", "updatedAt" = now()
      WHERE id = ${contactId} AND "tenantId" = ${tenantId} RETURNING id
    )${point}
    SELECT count(*)::int AS n FROM scored`);
  const contact = { state: i.state, lastSeenAt: i.lastSeenAt, createdAt: i.createdAt, orders: i.orders };
  return { ...parts, contactId, level, effectiveLevel: effective, contact };
}
