import { describe, expect, it } from "vitest";
import { pivotUsage } from "./series";

describe("pivotUsage", () => {
  const series = [
    { day: "2026-03-02", provider: "deepseek", tokensIn: 100, tokensOut: 50, costMicros: 300 },
    { day: "2026-03-01", provider: "qwen", tokensIn: 10, tokensOut: 5, costMicros: 20 },
    { day: "2026-03-02", provider: "qwen", tokensIn: 1, tokensOut: 1, costMicros: 2 },
    { day: "2026-03-02", provider: "deepseek", tokensIn: 1, tokensOut: 0, costMicros: 1 },
  ];

  it("makes one row per day, in day order, with a column per provider", () => {
    const { providers, rows } = pivotUsage(series, "cost");
    expect(providers).toEqual(["deepseek", "qwen"]);
    expect(rows).toEqual([
      { day: "2026-03-01", qwen: 20 },
      { day: "2026-03-02", deepseek: 301, qwen: 2 },
    ]);
  });

  it("adds input and output tokens when showing tokens", () => {
    expect(pivotUsage(series, "tokens").rows[1]).toEqual({ day: "2026-03-02", deepseek: 151, qwen: 2 });
  });

  it("copes with no usage at all", () => {
    expect(pivotUsage([], "cost")).toEqual({ providers: [], rows: [] });
  });
});
