// Fusion of the vector and keyword candidates, and the score the pipeline reads.
//
// Order: by default score-level fusion — each side's scores are z-normalised over the candidate union
// and mixed with the tenant's weights; "rrf" (reciprocal-rank fusion, k = 60) is the alternative. On
// the development set the score-level fusion beats RRF clearly on recall@5 (0.82 vs 0.78), because
// it keeps how far apart candidates are, which ranks throw away (docs/knowledge.md has the figures).
//
// Score: a calibrated probability that the hit answers the question (see calibrate.ts), so the
// thresholds 0.9 (direct answer) and 0.75 / 0.55 (reply / clarify) mean the same for every tenant.

import { answerProbability } from "./calibrate";

export const RRF_K = 60;

export type TFusionMode = "score" | "rrf";
export type TFusionWeights = { vector: number; keyword: number; mode?: TFusionMode };
export type TCandidate = { id: string; vectorSim: number | null; bm25: number; coverage: number };
export type TFused = TCandidate & { keywordRank: number | null; fused: number; score: number };

export const DEFAULT_WEIGHTS: TFusionWeights = { vector: 1.5, keyword: 1, mode: "score" };

function zScores(xs: number[]): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length)) || 1;
  return xs.map((x) => (x - mean) / sd);
}

function rankOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i + 1]));
}

/**
 * The largest of values ≥ 0 leaving one position out (0 when nothing is left): the best other hit of
 * the first ten, for each of them, without comparing every pair.
 */
function bestTwo(values: number[]): { without: (pos: number) => number } {
  let first = -1;
  for (let j = 0; j < values.length; j++) if (first < 0 || values[j] > values[first]) first = j;
  let second = 0;
  for (let j = 0; j < values.length; j++) if (j !== first) second = Math.max(second, values[j]);
  return { without: (pos) => (pos === first ? second : first < 0 ? 0 : values[first]) };
}

/** Candidates in fused order; `vectorIds`/`keywordIds` are each side's own ranking. */
export function fuse(
  candidates: TCandidate[],
  vectorIds: string[],
  keywordIds: string[],
  weights: TFusionWeights = DEFAULT_WEIGHTS,
): TFused[] {
  if (!candidates.length) return [];
  const total = weights.vector + weights.keyword || 1;
  const [wv, wk] = [weights.vector / total, weights.keyword / total];
  const vRank = rankOf(vectorIds);
  const kRank = rankOf(keywordIds);
  // z-scores over the candidate union: the score fusion's order
  const zv = zScores(candidates.map((c) => c.vectorSim ?? 0));
  const zk = zScores(candidates.map((c) => c.bm25));
  const order = candidates.map((c, i) => {
    const rrf = wv / (RRF_K + (vRank.get(c.id) ?? 1000)) + wk / (RRF_K + (kRank.get(c.id) ?? 1000));
    return { i, fused: weights.mode === "rrf" ? rrf : wv * zv[i] + wk * zk[i] };
  });
  order.sort((a, b) => b.fused - a.fused);
  // calibration evidence: each hit against the best other of the first ten (how clearly it stands out)
  const top = order.slice(0, 10).map((o) => candidates[o.i]);
  const cos = (c: TCandidate) => Math.max(0, c.vectorSim ?? 0);
  const bestCos = bestTwo(top.map(cos));
  const bestCoverage = bestTwo(top.map((c) => c.coverage));
  return order.map(({ i, fused }, pos) => {
    const c = candidates[i];
    const otherCos = bestCos.without(pos);
    const otherCoverage = bestCoverage.without(pos);
    return {
      ...c,
      keywordRank: kRank.get(c.id) ?? null,
      fused,
      score: answerProbability({
        cosine: cos(c),
        coverage: c.coverage,
        cosineMargin: cos(c) - otherCos,
        coverageMargin: c.coverage - otherCoverage,
      }),
    };
  });
}
