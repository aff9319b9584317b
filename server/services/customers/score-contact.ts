import { db } from "../../db/client";
import { notFound } from "../../errors";
import { computeScore, effectiveLevel, levelOf, type TScoreParts } from "./score-formula";

// Re-scores one contact from the database (formula and normalisation in score-formula.ts): writes
// score and computed level on the contact and appends a ContactScore row (the score history) when the
// score or level changed, or the last point is a day old.

const DAY_MS = 86_400_000;

export type TRescoreResult = TScoreParts & { contactId: string; level: string; effectiveLevel: string };

/** The tenant's average order value; orders of 0 (cancelled, samples) do not drag it down. */
export async function tenantAverageOrderValue(tenantId: string): Promise<number> {
  const client = await db();
  const agg = await client.order.aggregate({
    where: { tenantId, amount: { gt: 0 } },
    _avg: { amount: true },
  });
  return agg._avg.amount ? Number(agg._avg.amount) : 0;
}

export async function rescoreContact(
  tenantId: string,
  contactId: string,
  opts: { now?: Date; averageOrderValue?: number } = {},
): Promise<TRescoreResult> {
  const client = await db();
  const now = opts.now ?? new Date();
  const contact = await client.contact.findFirst({
    where: { id: contactId, tenantId },
    select: { positiveFeedback: true, conversationCount: true, dealAmount: true, levelOverride: true },
  });
  if (!contact) throw notFound("Customer");
  const customerMessages = { tenantId, role: "CUSTOMER" as const, conversation: { tenantId, contactId } };
  const [rated, messagesTotal, messagesLast30Days, averageOrderValue] = await Promise.all([
    client.conversation.findMany({
      where: { tenantId, contactId, satisfaction: { not: null } },
      select: { satisfaction: true },
    }),
    client.message.count({ where: customerMessages }),
    client.message.count({
      where: { ...customerMessages, createdAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } },
    }),
    opts.averageOrderValue ?? tenantAverageOrderValue(tenantId),
  ]);
  const parts = computeScore({
    ratings: rated.map((c) => c.satisfaction as number),
    positiveFeedback: contact.positiveFeedback,
    conversationCount: contact.conversationCount,
    messagesLast30Days,
    messagesTotal,
    dealAmount: Number(contact.dealAmount),
    tenantAverageOrderValue: averageOrderValue,
  });
  const level = levelOf(parts.score);
  const effective = effectiveLevel({ level, levelOverride: contact.levelOverride });
  // every processed message re-scores: the history gets a point when something changed, or once a
  // day, not one row per message
  const last = await client.contactScore.findFirst({
    where: { tenantId, contactId },
    orderBy: { createdAt: "desc" },
    select: { score: true, level: true, createdAt: true },
  });
  const changed =
    !last ||
    last.score !== parts.score ||
    last.level !== effective ||
    now.getTime() - last.createdAt.getTime() >= DAY_MS;
  await client.$transaction([
    client.contact.updateMany({ where: { id: contactId, tenantId }, data: { score: parts.score, level } }),
    // the history keeps the level that applied (override included), which is what the customer got
    ...(changed
      ? [
          client.contactScore.create({
            data: { tenantId, contactId, score: parts.score, ...pick(parts), level: effective },
          }),
        ]
      : []),
  ]);
  return { ...parts, contactId, level, effectiveLevel: effective };
}

const pick = (p: TScoreParts) => ({ satisfaction: p.satisfaction, activity: p.activity, value: p.value });
