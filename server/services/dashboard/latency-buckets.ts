// Bot response latencies are stored per hour as counts in fixed logarithmic buckets, so p50/p95 can be
// approximated over any range by adding histograms (exact percentiles would need every sample).
// Bucket i (1-based, as PostgreSQL's width_bucket numbers them) holds [BOUNDS[i-1], BOUNDS[i]); the
// last one is open-ended. Neighbouring bounds differ by 25 %, so an estimate interpolated inside a
// bucket is off by at most ~12 % of the true value. Changing BOUNDS invalidates stored histograms:
// rebuild the roll-ups after a change.

function makeBounds(): number[] {
  const bounds = [0];
  for (let b = 20; b < 300_000; b *= 1.25) bounds.push(Math.round(b));
  return bounds;
}

/** lower bounds in ms, ascending; BOUNDS[0] = 0 */
export const LATENCY_BOUNDS: readonly number[] = makeBounds();
export const LATENCY_BUCKETS = LATENCY_BOUNDS.length;

/** the SQL array literal width_bucket() takes (constants only, never user input) */
export const LATENCY_BOUNDS_SQL = `ARRAY[${LATENCY_BOUNDS.join(",")}]::int[]`;

/** 1-based bucket of a latency, the same as width_bucket(ms, LATENCY_BOUNDS) for ms >= 0 */
export function latencyBucket(ms: number): number {
  let i = 0;
  while (i < LATENCY_BOUNDS.length && LATENCY_BOUNDS[i] <= ms) i++;
  return Math.max(1, i);
}

/** adds b into a (element-wise; shorter or empty arrays count as zeros) */
export function addHistogram(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] ?? 0) + b[i];
  return a;
}

/** the q-quantile (0..1) of a histogram, interpolated linearly inside its bucket; null when empty */
export function histogramQuantile(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    const n = hist[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lo = LATENCY_BOUNDS[i];
      // the open last bucket has no upper bound to interpolate towards
      if (i + 1 >= LATENCY_BOUNDS.length) return lo;
      const hi = LATENCY_BOUNDS[i + 1];
      return Math.round(lo + ((rank - seen) / n) * (hi - lo));
    }
    seen += n;
  }
  return LATENCY_BOUNDS[LATENCY_BOUNDS.length - 1];
}
