import { tenantEmbedder } from "../knowledge/embedding/tenant-embedder";
import { loadTenantLexicon } from "../knowledge/index/tenant-lexicon";
import { searchKnowledge } from "../knowledge/search/search-knowledge";

// A candidate that says what the knowledge base already says is merged, not added. The search finds
// the few Q&A pairs close to the candidate's question; their questions are then compared with the
// candidate's by cosine with the tenant's own embedder (the same vectors the KB is searched with).

export const MERGE_COSINE = 0.92;
const NEIGHBOURS = 5;

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

/** The nearest existing Q&A pair whose question is a near-duplicate of `question`, if any. */
export async function findDuplicateQa(
  tenantId: string,
  question: string,
): Promise<{ qaPairId: string; cosine: number } | null> {
  const { hits } = await searchKnowledge({ tenantId, query: question, topK: NEIGHBOURS });
  const pairs = hits.filter((h): h is typeof h & { qaPairId: string; question: string } =>
    Boolean(h.qaPairId && h.question),
  );
  if (!pairs.length) return null;
  const [embedder, lexicon] = await Promise.all([tenantEmbedder(tenantId), loadTenantLexicon(tenantId)]);
  const { vectors } = await embedder.embed([question, ...pairs.map((p) => p.question)], lexicon);
  let best: { qaPairId: string; cosine: number } | null = null;
  pairs.forEach((p, i) => {
    const c = cosine(vectors[0], vectors[i + 1]);
    if (c >= MERGE_COSINE && (!best || c > best.cosine)) best = { qaPairId: p.qaPairId, cosine: c };
  });
  return best;
}
