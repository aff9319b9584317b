import { describe, expect, it } from "vitest";
import { defaultRuleSet } from "./default-rules";
import { checkRateLimits, type TRateLimiter } from "./rate-limits";

/** A fixed-window limiter on a fake clock, standing in for rate-limiter-flexible's memory store. */
function memoryLimiter(clock: { now: number }): TRateLimiter {
  const windows = new Map<string, { until: number; used: number }>();
  return {
    async consume(key, points, seconds) {
      const id = `${points}/${seconds}:${key}`;
      let w = windows.get(id);
      if (!w || w.until <= clock.now) {
        w = { until: clock.now + seconds * 1000, used: 0 };
        windows.set(id, w);
      }
      if (w.used >= points) return false;
      w.used++;
      return true;
    },
  };
}

const ids = { tenantId: "t1", chatId: "group-1", contactId: "c1" };

describe("checkRateLimits (defaults: 1 per contact per 3 s, 20 per chat per minute)", () => {
  it("throttles a contact that writes twice within 3 seconds", async () => {
    const clock = { now: 0 };
    const limiter = memoryLimiter(clock);
    const rules = defaultRuleSet();
    expect(await checkRateLimits(limiter, rules, ids)).toEqual({ allowed: true });
    clock.now = 2_000;
    expect(await checkRateLimits(limiter, rules, ids)).toEqual({ allowed: false, scope: "contact" });
    clock.now = 3_000;
    expect(await checkRateLimits(limiter, rules, ids)).toEqual({ allowed: true });
  });

  it("throttles a busy chat after 20 messages a minute, and not a refused sender's", async () => {
    const clock = { now: 0 };
    const limiter = memoryLimiter(clock);
    const rules = defaultRuleSet();
    for (let i = 0; i < 20; i++) {
      expect((await checkRateLimits(limiter, rules, { ...ids, contactId: `c${i}` })).allowed).toBe(true);
    }
    expect(await checkRateLimits(limiter, rules, { ...ids, contactId: "c99" })).toEqual({
      allowed: false,
      scope: "chat",
    });
    clock.now = 60_000;
    expect((await checkRateLimits(limiter, rules, { ...ids, contactId: "c100" })).allowed).toBe(true);
  });

  it("keeps tenants apart and allows switching a limit off", async () => {
    const clock = { now: 0 };
    const limiter = memoryLimiter(clock);
    const rules = defaultRuleSet();
    await checkRateLimits(limiter, rules, ids);
    expect((await checkRateLimits(limiter, rules, { ...ids, tenantId: "t2" })).allowed).toBe(true);
    const unlimited = { rateLimit: { perChat: null, perContact: null } };
    for (let i = 0; i < 50; i++) expect((await checkRateLimits(limiter, unlimited, ids)).allowed).toBe(true);
  });
});
