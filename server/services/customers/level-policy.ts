import type { CustomerLevel } from "../../db/generated/prisma/enums";
import type { TLimit, TRuleSet } from "../rules/rule-schemas";

// What a level changes in the pipeline (PRODUCT.md §9): BLACK means limited service, not none (a
// tenant that wants none adds BLACK to a blacklist rule). A BLACK customer gets half the tenant's
// per-contact points over a window three times as long (at least 10 s), so the default 1 per 3 s
// becomes 1 per 10 s. WHITE priority in the queue lives in pipeline/escalate.ts (queuePriority).

export const BLACK_MIN_WINDOW_SECONDS = 10;

export function limitedContactRate(limit: TLimit | null): TLimit {
  if (!limit) return { points: 1, seconds: BLACK_MIN_WINDOW_SECONDS };
  return {
    points: Math.max(1, Math.floor(limit.points / 2)),
    seconds: Math.max(BLACK_MIN_WINDOW_SECONDS, limit.seconds * 3),
  };
}

/** The rate limits that apply to this contact, by its effective level (an override wins). */
export function rateLimitsFor(
  ruleSet: Pick<TRuleSet, "rateLimit">,
  contact: { level: CustomerLevel; levelOverride: CustomerLevel | null },
): Pick<TRuleSet, "rateLimit"> {
  if ((contact.levelOverride ?? contact.level) !== "BLACK") return ruleSet;
  return {
    rateLimit: { ...ruleSet.rateLimit, perContact: limitedContactRate(ruleSet.rateLimit.perContact) },
  };
}
