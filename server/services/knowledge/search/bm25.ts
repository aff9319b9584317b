import type { TTermStats } from "../stats/term-stats";

// BM25 (k1 = 1.2, b = 0.75) of one chunk's keyword terms against the query's, with the tenant's
// document frequencies. ts_rank has no idf, so it only picks keyword candidates; this scores them.
// Without statistics (a brand-new tenant) every term counts as rare and lengths as average.

const K1 = 1.2;
const B = 0.75;

/** The idf of a term; a term without statistics counts as rare. */
export function idf(term: string, stats: TTermStats | null): number {
  const n = Math.max(stats?.chunkCount ?? 1, 1);
  const df = Math.min(stats?.df.get(term) ?? 0, n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The share of the query's information (idf mass) a chunk's terms contain, in [0,1]. */
export function idfCoverage(
  queryTerms: string[],
  docTerms: ReadonlySet<string>,
  stats: TTermStats | null,
): number {
  let all = 0;
  let matched = 0;
  for (const term of new Set(queryTerms)) {
    const w = idf(term, stats);
    all += w;
    if (docTerms.has(term)) matched += w;
  }
  return all > 0 ? matched / all : 0;
}

export function bm25(queryTerms: string[], docTerms: string[], stats: TTermStats | null): number {
  const avg = stats?.avgLength || docTerms.length || 1;
  const tf = new Map<string, number>();
  for (const t of docTerms) tf.set(t, (tf.get(t) ?? 0) + 1);
  let score = 0;
  for (const term of new Set(queryTerms)) {
    const f = tf.get(term);
    if (!f) continue;
    score += (idf(term, stats) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * docTerms.length) / avg));
  }
  return score;
}
