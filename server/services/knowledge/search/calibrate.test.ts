import { describe, expect, it } from "vitest";
import { answerProbability } from "./calibrate";

describe("answerProbability", () => {
  it("is near 1 for a near-verbatim question that stands out", () => {
    expect(
      answerProbability({ cosine: 0.94, coverage: 1, cosineMargin: 0.73, coverageMargin: 1 }),
    ).toBeGreaterThan(0.99);
  });
  it("stays below the clarify threshold for weak evidence, however much it stands out", () => {
    expect(
      answerProbability({ cosine: 0.22, coverage: 0.09, cosineMargin: 0.16, coverageMargin: 0.09 }),
    ).toBeLessThan(0.55);
  });
  it("grows with every kind of evidence", () => {
    const base = { cosine: 0.4, coverage: 0.4, cosineMargin: 0.05, coverageMargin: 0.05 };
    const p = answerProbability(base);
    for (const key of Object.keys(base) as (keyof typeof base)[])
      expect(answerProbability({ ...base, [key]: base[key] + 0.1 })).toBeGreaterThan(p);
  });
});
