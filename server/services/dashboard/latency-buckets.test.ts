import { describe, expect, it } from "vitest";
import {
  addHistogram,
  histogramQuantile,
  LATENCY_BOUNDS,
  LATENCY_BUCKETS,
  latencyBucket,
} from "./latency-buckets";

function histOf(samples: number[]): number[] {
  const h = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const s of samples) h[latencyBucket(s) - 1]++;
  return h;
}

describe("latency buckets", () => {
  it("bounds grow by 25 % and buckets are 1-based like width_bucket", () => {
    expect(LATENCY_BOUNDS[0]).toBe(0);
    expect(latencyBucket(0)).toBe(1);
    expect(latencyBucket(19)).toBe(1);
    expect(latencyBucket(20)).toBe(2);
    expect(latencyBucket(10_000_000)).toBe(LATENCY_BUCKETS);
  });

  it("estimates quantiles within a bucket's width", () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 100 + i * 10); // 100..10090 ms
    const h = histOf(samples);
    const p50 = histogramQuantile(h, 0.5)!;
    const p95 = histogramQuantile(h, 0.95)!;
    expect(Math.abs(p50 - 5100) / 5100).toBeLessThan(0.13);
    expect(Math.abs(p95 - 9600) / 9600).toBeLessThan(0.13);
  });

  it("is null for an empty histogram and adds element-wise", () => {
    expect(histogramQuantile([], 0.5)).toBeNull();
    expect(addHistogram([1, 2], [3, 4, 5])).toEqual([4, 6, 5]);
  });
});
