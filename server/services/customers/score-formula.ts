import type { CustomerLevel } from "../../db/generated/prisma/enums";

// Customer score (PRODUCT.md §9): satisfaction 40% + activity 30% + value 30%, each part 0..100.
//
// Normalisation (from what the schema holds):
// - satisfaction: the average rating of rated conversations (1..5 mapped to 0..100); without ratings,
//   positive feedback per conversation (capped at 1); with neither signal a neutral 50, so a contact
//   nobody has asked yet is not graded down to BLACK (limited service) for lack of data.
// - activity: the customer's messages of the last 30 days / all of its messages (PRODUCT.md §9);
//   0 for a contact that never wrote.
// - value: deal amount / the tenant's average order value, capped at 1 (one average order = 100).
//   No orders in the tenant → 0.
//
// Not taken from the seed (customer_hub/scoring.py): its keyword/file/hour weights grade a single
// message thread for a sales trigger, not a customer, and its thresholds (GRAY ≥ 60) contradict
// PRODUCT.md (GRAY ≥ 40). Its leisure words forcing 0/BLACK would also punish a customer for small
// talk, so none of it feeds this score.

export const WEIGHTS = { satisfaction: 0.4, activity: 0.3, value: 0.3 } as const;
export const NEUTRAL_SATISFACTION = 50;

export type TScoreInputs = {
  ratings: number[];
  positiveFeedback: number;
  conversationCount: number;
  messagesLast30Days: number;
  messagesTotal: number;
  dealAmount: number;
  tenantAverageOrderValue: number;
};

export type TScoreParts = { satisfaction: number; activity: number; value: number; score: number };

const clamp100 = (x: number) => Math.max(0, Math.min(100, x));

export function satisfactionPart(
  i: Pick<TScoreInputs, "ratings" | "positiveFeedback" | "conversationCount">,
) {
  if (i.ratings.length > 0) {
    const avg = i.ratings.reduce((s, r) => s + r, 0) / i.ratings.length;
    return clamp100(((avg - 1) / 4) * 100);
  }
  if (i.positiveFeedback > 0 && i.conversationCount > 0)
    return clamp100((i.positiveFeedback / i.conversationCount) * 100);
  return NEUTRAL_SATISFACTION;
}

export function activityPart(i: Pick<TScoreInputs, "messagesLast30Days" | "messagesTotal">) {
  if (i.messagesTotal <= 0) return 0;
  return clamp100((i.messagesLast30Days / i.messagesTotal) * 100);
}

export function valuePart(i: Pick<TScoreInputs, "dealAmount" | "tenantAverageOrderValue">) {
  if (i.tenantAverageOrderValue <= 0 || i.dealAmount <= 0) return 0;
  return clamp100((i.dealAmount / i.tenantAverageOrderValue) * 100);
}

export function computeScore(i: TScoreInputs): TScoreParts {
  const satisfaction = satisfactionPart(i);
  const activity = activityPart(i);
  const value = valuePart(i);
  const score = Math.round(
    satisfaction * WEIGHTS.satisfaction + activity * WEIGHTS.activity + value * WEIGHTS.value,
  );
  return { satisfaction, activity, value, score };
}

/** WHITE ≥ 80 (priority), GRAY 40–79, BLACK < 40 (limited service). */
export function levelOf(score: number): CustomerLevel {
  return score >= 80 ? "WHITE" : score >= 40 ? "GRAY" : "BLACK";
}

/** A manual override always wins over the computed level. */
export function effectiveLevel(c: { level: CustomerLevel; levelOverride: CustomerLevel | null }) {
  return c.levelOverride ?? c.level;
}
