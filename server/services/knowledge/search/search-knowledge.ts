import { z } from "zod";
import { rawQuery } from "../../../db/client";
import type { TEmbedder } from "../embedding/tenant-embedder";
import { pipelineConfig } from "../../pipeline/config-cache";
import { searchTerms } from "../index/search-terms";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { loadTermStats } from "../stats/term-stats";
import { bm25, chunkTerms, countedTerms, idfCoverage } from "./bm25";
import {
  bothCandidates,
  EXACT_SCAN_MAX,
  keywordCandidates,
  selectiveTerms,
  vectorCandidates,
} from "./candidates";
import { fuse, type TFusionWeights } from "./fuse";
import { memoryCandidates } from "./memory-candidates";
import { currentMemoryIndex } from "./memory-index";
import { recentChunkCount, rememberChunkCount } from "./tenant-size";
import { fusionWeights, type TRetrievalSettings } from "./retrieval-settings";

// searchKnowledge: the one entry point the message pipeline and the hit-test page use.
// Candidates come from both sides (candidates.ts); each is then scored with the full query vector
// (cosine) and BM25 over all query terms with the tenant's term statistics, the two are fused
// (fuse.ts) and every hit gets a calibrated score. Every statement binds tenantId.

export const ZSearchInput = z.object({
  tenantId: z.string().uuid(),
  query: z.string().trim().min(1).max(2000),
  topK: z.number().int().min(1).max(50).default(5),
});

export type TSearchHit = {
  chunkId: string;
  qaPairId: string | null;
  documentId: string | null;
  content: string;
  question: string | null;
  answer: string | null;
  vectorScore: number | null;
  keywordRank: number | null;
  keywordScore: number;
  keywordCoverage: number;
  score: number;
  directAnswer: boolean;
  matchedTerms: string[];
};

export async function searchKnowledge(
  input: z.input<typeof ZSearchInput>,
  opts: {
    weights?: TFusionWeights;
    directAnswerThreshold?: number;
    /** already loaded by the caller (the pipeline's per-process config cache): not read again */
    settings?: TRetrievalSettings;
    embedder?: TEmbedder;
    /** false: candidates from the database even when the tenant's index is in memory (tests) */
    memory?: boolean;
  } = {},
): Promise<{ hits: TSearchHit[]; terms: string[] }> {
  const { tenantId, query, topK } = ZSearchInput.parse(input);
  // settings and embedder from the per-process tenant config cache unless the caller has them
  const config = opts.settings && opts.embedder ? null : pipelineConfig(tenantId);
  const [lexicon, settings, embedder] = await Promise.all([
    loadTenantLexicon(tenantId),
    opts.settings ?? config!.then((c) => c.retrieval),
    opts.embedder ?? config!.then((c) => c.embedder),
  ]);
  const terms = [...new Set(searchTerms(query, lexicon))];
  const statsLoad = loadTermStats(tenantId, terms);
  statsLoad.catch(() => {}); // awaited below; not unhandled if the embedding fails first
  // the query is compared with chunks of the same model (a failing provider falls back to local)
  const embedded = await embedder.embed([query], lexicon);
  const q = { tenantId, vector: embedded.vectors[0], model: embedded.model };
  // The keyword side needs the term statistics to pick its terms. When the tenant's size is known
  // (every search but a process's first for the tenant) both sides then go in one statement; else the
  // vector side starts with the statistics, as it needs the size to pick its scan.
  const knownSize = recentChunkCount(tenantId);
  const vectorSide = (chunks: number) =>
    vectorCandidates(rawQuery, { ...q, exact: chunks <= EXACT_SCAN_MAX });
  const vectorLoad = knownSize === undefined ? statsLoad.then((s) => vectorSide(s?.chunkCount ?? 0)) : null;
  vectorLoad?.catch(() => {});
  const stats = await statsLoad;
  rememberChunkCount(tenantId, stats?.chunkCount ?? 0);
  const keywordTerms = selectiveTerms(terms, stats);
  // a small tenant's current index in this process's memory (memory-index.ts) spares the statement
  const memory = opts.memory === false ? null : currentMemoryIndex(tenantId, stats);
  const { vector: vectorRows, keyword: keywordRows } = memory
    ? memoryCandidates(memory, { ...q, terms: keywordTerms })
    : vectorLoad
      ? await Promise.all([vectorLoad, keywordCandidates(rawQuery, { ...q, terms: keywordTerms })]).then(
          ([vector, keyword]) => ({ vector, keyword }),
        )
      : await bothCandidates(rawQuery, { ...q, exact: knownSize! <= EXACT_SCAN_MAX, terms: keywordTerms });
  const keywordIds = keywordRows.map((r) => r.id);
  const chunks = [...new Map([...vectorRows, ...keywordRows].map((r) => [r.id, r])).values()];
  if (!chunks.length) return { hits: [], terms };

  const byId = new Map(chunks.map((c) => [c.id, c]));
  const matchedById = new Map<string, string[]>();
  const queryTerms = new Set(terms);
  const candidates = chunks.map((c) => {
    const chunk = c.terms
      ? countedTerms(queryTerms, c.terms)
      : chunkTerms(queryTerms, c.searchText ? c.searchText.split(" ") : []);
    matchedById.set(
      c.id,
      terms.filter((t) => chunk.counts.has(t)),
    );
    return {
      id: c.id,
      vectorSim: c.sim === null ? null : Number(c.sim),
      bm25: bm25(queryTerms, chunk, stats),
      coverage: idfCoverage(queryTerms, chunk, stats),
    };
  });
  // the vector side's own order (the keyword side's is ts_rank's, used by the "rrf" mode)
  const vectorOrder = [...candidates]
    .filter((c) => c.vectorSim !== null)
    .sort((a, b) => (b.vectorSim ?? 0) - (a.vectorSim ?? 0))
    .map((c) => c.id);
  const fused = fuse(candidates, vectorOrder, keywordIds, opts.weights ?? fusionWeights(settings));
  const threshold = opts.directAnswerThreshold ?? settings.directAnswerThreshold;
  const hits = fused.slice(0, topK).map((f) => {
    const c = byId.get(f.id)!;
    return {
      chunkId: c.id,
      qaPairId: c.qaPairId,
      documentId: c.documentId,
      content: c.content,
      question: c.question,
      answer: c.answer,
      vectorScore: f.vectorSim,
      keywordRank: f.keywordRank,
      keywordScore: f.bm25,
      keywordCoverage: f.coverage,
      score: f.score,
      directAnswer: Boolean(c.qaPairId) && f.score >= threshold,
      matchedTerms: matchedById.get(f.id) ?? [],
    };
  });
  return { hits, terms };
}
