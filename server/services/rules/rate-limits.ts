import { type TRuleSet } from "./rule-schemas";

// Rate limits are the one stateful rule, so the state lives behind an injected limiter (the app backs
// it with rate-limiter-flexible on Redis or in memory). `consume` takes one point from `key` in a
// window of `points` per `seconds` and says whether it was allowed; an adapter should keep one
// limiter per (points, seconds) pair, so a tenant that changes its limits starts a fresh window.

export interface TRateLimiter {
  consume(key: string, points: number, seconds: number): Promise<boolean>;
}

export type TRateLimitResult = { allowed: true } | { allowed: false; scope: "contact" | "chat" };

/**
 * The contact limit is checked first and a refused message does not take from the chat's budget, so
 * one customer flooding a group cannot throttle everyone else in it.
 */
export async function checkRateLimits(
  limiter: TRateLimiter,
  ruleSet: Pick<TRuleSet, "rateLimit">,
  ids: { tenantId: string; chatId: string; contactId: string },
): Promise<TRateLimitResult> {
  const { perContact, perChat } = ruleSet.rateLimit;
  if (perContact) {
    const key = `rules:${ids.tenantId}:contact:${ids.contactId}`;
    if (!(await limiter.consume(key, perContact.points, perContact.seconds))) {
      return { allowed: false, scope: "contact" };
    }
  }
  if (perChat) {
    const key = `rules:${ids.tenantId}:chat:${ids.chatId}`;
    if (!(await limiter.consume(key, perChat.points, perChat.seconds)))
      return { allowed: false, scope: "chat" };
  }
  return { allowed: true };
}
