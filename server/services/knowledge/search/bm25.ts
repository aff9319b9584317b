import type { TTermStats } from "../stats/term-stats";

// BM25 (k1 = 1.2, b = 0.75) of one chunk's keyword terms against the query's, with the tenant's
// document frequencies. ts_rank has no idf, so it only picks keyword candidates; this scores them.
// Without statistics (a brand-new tenant) every term counts as rare and lengths as average.

const K1 = 1.2;
const B = 0.75;

/** A chunk's terms as the scoring needs them: how often each query term occurs, and its length. */
export type TChunkTerms = { counts: ReadonlyMap<string, number>; length: number };

/**
 * One pass over a chunk's terms counting only the query's (a search scores up to 120 chunks of
 * hundreds of terms each; counting every term of every chunk was a millisecond per search).
 */
export function chunkTerms(queryTerms: ReadonlySet<string>, docTerms: string[]): TChunkTerms {
  const counts = new Map<string, number>();
  for (const t of docTerms) if (queryTerms.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { counts, length: docTerms.length };
}

/** The same from a chunk's counted terms (the in-memory index has them counted once). */
export function countedTerms(
  queryTerms: ReadonlySet<string>,
  chunk: { counts: ReadonlyMap<string, number>; length: number },
): TChunkTerms {
  const counts = new Map<string, number>();
  for (const t of queryTerms) {
    const n = chunk.counts.get(t);
    if (n) counts.set(t, n);
  }
  return { counts, length: chunk.length };
}

/** The idf of a term; a term without statistics counts as rare. */
export function idf(term: string, stats: TTermStats | null): number {
  const n = Math.max(stats?.chunkCount ?? 1, 1);
  const df = Math.min(stats?.df.get(term) ?? 0, n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The share of the query's information (idf mass) a chunk's terms contain, in [0,1]. */
export function idfCoverage(
  queryTerms: ReadonlySet<string>,
  chunk: TChunkTerms,
  stats: TTermStats | null,
): number {
  let all = 0;
  let matched = 0;
  for (const term of queryTerms) {
    const w = idf(term, stats);
    all += w;
    if (chunk.counts.has(term)) matched += w;
  }
  return all > 0 ? matched / all : 0;
}

export function bm25(queryTerms: ReadonlySet<string>, chunk: TChunkTerms, stats: TTermStats | null): number {
  const avg = stats?.avgLength || chunk.length || 1;
  let score = 0;
  for (const term of queryTerms) {
    const f = chunk.counts.get(term);
    if (!f) continue;
    score += (idf(term, stats) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * chunk.length) / avg));
  }
  return score;
}
