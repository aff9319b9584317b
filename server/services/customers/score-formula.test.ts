import { describe, expect, it } from "vitest";
import { computeScore, effectiveLevel, levelOf } from "./score-formula";

const base = {
  ratings: [],
  positiveFeedback: 0,
  conversationCount: 0,
  messagesLast30Days: 0,
  messagesTotal: 0,
  dealAmount: 0,
  tenantAverageOrderValue: 0,
};

describe("computeScore", () => {
  it("weights satisfaction 40%, activity 30%, value 30%", () => {
    const r = computeScore({
      ...base,
      ratings: [5, 4],
      messagesLast30Days: 5,
      messagesTotal: 10,
      dealAmount: 500,
      tenantAverageOrderValue: 1000,
    });
    expect(r).toEqual({ satisfaction: 87.5, activity: 50, value: 50, score: 65 });
  });

  it("gives a neutral satisfaction without any signal and 0 for nothing else", () => {
    expect(computeScore(base)).toEqual({ satisfaction: 50, activity: 0, value: 0, score: 20 });
  });

  it("uses positive feedback per conversation when nothing is rated", () => {
    const r = computeScore({ ...base, positiveFeedback: 3, conversationCount: 4 });
    expect(r.satisfaction).toBe(75);
  });

  it("caps value at one average order and everything at 100", () => {
    const r = computeScore({
      ...base,
      ratings: [5],
      messagesLast30Days: 3,
      messagesTotal: 3,
      dealAmount: 99_000,
      tenantAverageOrderValue: 1000,
    });
    expect(r).toEqual({ satisfaction: 100, activity: 100, value: 100, score: 100 });
  });
});

describe("levels", () => {
  it("WHITE ≥ 80, GRAY 40–79, BLACK < 40", () => {
    expect([levelOf(80), levelOf(79), levelOf(40), levelOf(39), levelOf(0)]).toEqual([
      "WHITE",
      "GRAY",
      "GRAY",
      "BLACK",
      "BLACK",
    ]);
  });
  it("lets the manual override win", () => {
    expect(effectiveLevel({ level: "BLACK", levelOverride: "WHITE" })).toBe("WHITE");
    expect(effectiveLevel({ level: "BLACK", levelOverride: null })).toBe("BLACK");
  });
});
