import { describe, expect, it } from "vitest";
import { limitedContactRate, rateLimitsFor } from "./level-policy";

const ruleSet = {
  rateLimit: { perContact: { points: 4, seconds: 20 }, perChat: { points: 20, seconds: 60 } },
};

describe("level policy", () => {
  it("halves the points and triples the window for BLACK, at least 10 s", () => {
    expect(limitedContactRate({ points: 1, seconds: 3 })).toEqual({ points: 1, seconds: 10 });
    expect(limitedContactRate({ points: 4, seconds: 20 })).toEqual({ points: 2, seconds: 60 });
    expect(limitedContactRate(null)).toEqual({ points: 1, seconds: 10 });
  });
  it("applies to the effective level only", () => {
    expect(rateLimitsFor(ruleSet, { level: "GRAY", levelOverride: null })).toBe(ruleSet);
    expect(rateLimitsFor(ruleSet, { level: "BLACK", levelOverride: "WHITE" })).toBe(ruleSet);
    expect(rateLimitsFor(ruleSet, { level: "GRAY", levelOverride: "BLACK" }).rateLimit).toEqual({
      perContact: { points: 2, seconds: 60 },
      perChat: { points: 20, seconds: 60 },
    });
  });
});
