import { describe, expect, it } from "vitest";
import { costMicros } from "./cost";

describe("costMicros", () => {
  it("charges tokens × price per million as micro-units", () => {
    // 1 000 000 input tokens at 2.5 per million = 2.5 units = 2 500 000 micro-units
    expect(costMicros(1_000_000, 0, 2.5, 10)).toBe(2_500_000n);
    expect(costMicros(1200, 350, 2, 8)).toBe(1200n * 2n + 350n * 8n);
  });

  it("keeps the four decimals of a price and rounds the total once, half up", () => {
    expect(costMicros(3, 0, "0.1667", "0")).toBe(1n); // 0.5001 → 1
    expect(costMicros(1, 1, 0.25, 0.25)).toBe(1n); // 0.5 → 1 (two parts of 0.25 would each round to 0)
    expect(costMicros(1, 0, 0.4999, 0)).toBe(0n);
    expect(costMicros(7, 3, "1.2345", "0.0001")).toBe(9n); // 8.6415 + 0.0003
  });

  it("is exact beyond the range of floating-point micro-units", () => {
    expect(costMicros(9_000_000_000, 9_000_000_000, 99_999.9999, 99_999.9999)).toBe(1_799_999_998_200_000n);
  });

  it("is zero for free models and rejects nonsense", () => {
    expect(costMicros(5000, 5000, 0, 0)).toBe(0n);
    expect(() => costMicros(-1, 0, 1, 1)).toThrow(RangeError);
    expect(() => costMicros(1.5, 0, 1, 1)).toThrow(RangeError);
    expect(() => costMicros(1, 0, "abc", 1)).toThrow(RangeError);
    expect(() => costMicros(1, 0, -2, 1)).toThrow(RangeError);
  });
});
