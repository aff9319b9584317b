// Reciprocal-rank fusion of the vector and keyword candidate lists, and the score the pipeline reads.
// RRF decides the order (robust to the two sides' different scales); the reported score is a
// calibrated blend of absolute evidence in [0,1] — cosine similarity and the share of the query's
// terms the chunk contains — so thresholds such as 0.9 (direct answer) and 0.75/0.55 (reply/clarify)
// mean the same for every tenant and query.

export const RRF_K = 60;

export type TCandidate = {
  id: string;
  vectorSim: number | null;
  keywordRank: number | null;
  coverage: number;
};
export type TFused = TCandidate & { rrf: number; score: number };
export type TFusionWeights = { vector: number; keyword: number };

export function fuse(
  vectorIds: string[],
  keywordIds: string[],
  evidence: Map<string, { vectorSim: number | null; coverage: number }>,
  weights: TFusionWeights = { vector: 1, keyword: 1 },
): TFused[] {
  const rrf = new Map<string, number>();
  vectorIds.forEach((id, pos) => rrf.set(id, (rrf.get(id) ?? 0) + weights.vector / (RRF_K + pos + 1)));
  keywordIds.forEach((id, pos) => rrf.set(id, (rrf.get(id) ?? 0) + weights.keyword / (RRF_K + pos + 1)));
  const total = weights.vector + weights.keyword || 1;
  return [...rrf.entries()]
    .map(([id, r]) => {
      const e = evidence.get(id) ?? { vectorSim: null, coverage: 0 };
      const sim = Math.max(0, e.vectorSim ?? 0);
      const score = Math.min(1, (weights.vector * sim + weights.keyword * e.coverage) / total);
      return {
        id,
        vectorSim: e.vectorSim,
        keywordRank: keywordIds.indexOf(id) >= 0 ? keywordIds.indexOf(id) + 1 : null,
        coverage: e.coverage,
        rrf: r,
        score,
      };
    })
    .sort((a, b) => b.rrf - a.rrf || b.score - a.score);
}
