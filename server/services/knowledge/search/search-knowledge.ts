import { z } from "zod";
import { db } from "../../../db/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { embedLocal, LOCAL_EMBEDDING_DIM } from "../embedding/local-embedder";
import { vectorLiteral } from "../index/qa-embedding";
import { anyTermQuery, searchTerms } from "../index/search-terms";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { loadTermStats } from "../stats/term-stats";
import { bm25, idfCoverage } from "./bm25";
import { fuse, type TFusionWeights } from "./fuse";
import { fusionWeights, loadRetrievalSettings } from "./retrieval-settings";

// searchKnowledge: the one entry point the message pipeline and the hit-test page use.
// Vector side: cosine over the tenant's chunks of the query's dimension, through the partial HNSW
// index for that dimension with iterative scans (so a small tenant among large ones still gets its
// rows). Keyword side: the generated tsvector matched against any query term picks candidates
// (ts_rank), which are then scored by BM25 with the tenant's term statistics. Both sides are fused
// (see fuse.ts) and every hit gets a calibrated score. Every statement binds tenantId.

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

const VECTOR_CANDIDATES = 40;
const KEYWORD_CANDIDATES = 60;

export async function searchKnowledge(
  input: z.input<typeof ZSearchInput>,
  opts: { weights?: TFusionWeights; directAnswerThreshold?: number } = {},
): Promise<{ hits: TSearchHit[]; terms: string[] }> {
  const { tenantId, query, topK } = ZSearchInput.parse(input);
  const client = await db();
  const [lexicon, settings] = await Promise.all([
    loadTenantLexicon(tenantId),
    loadRetrievalSettings(tenantId),
  ]);
  const terms = [...new Set(searchTerms(query, lexicon))];
  const qvec = vectorLiteral(embedLocal(query, lexicon));
  const dim = LOCAL_EMBEDDING_DIM;
  // the dimension is part of the expression the partial HNSW index is built on; it cannot be a bound
  // parameter, and it comes from a constant, never from input
  const vecType = P.raw(`vector(${Number(dim)})`);
  const tsquery = anyTermQuery(terms);

  const [vectorRows, keywordRows] = await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = 100`);
    const v = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "KnowledgeChunk"
      WHERE "tenantId" = ${tenantId} AND "embeddingDim" = ${dim} AND enabled
      ORDER BY (embedding::${vecType}) <=> ${qvec}::${vecType}
      LIMIT ${VECTOR_CANDIDATES}`;
    const k = tsquery
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "KnowledgeChunk"
          WHERE "tenantId" = ${tenantId} AND enabled AND tsv @@ to_tsquery('simple', ${tsquery})
          ORDER BY ts_rank(tsv, to_tsquery('simple', ${tsquery}), 1) DESC
          LIMIT ${KEYWORD_CANDIDATES}`
      : [];
    return [v, k];
  });

  const ids = [...new Set([...vectorRows.map((r) => r.id), ...keywordRows.map((r) => r.id)])];
  if (!ids.length) return { hits: [], terms };
  const [chunks, stats] = await Promise.all([
    client.$queryRaw<
      {
        id: string;
        qaPairId: string | null;
        documentId: string | null;
        content: string;
        searchText: string;
        sim: number | null;
        question: string | null;
        answer: string | null;
      }[]
    >`
      SELECT c.id, c."qaPairId", c."documentId", c.content, c."searchText",
        CASE WHEN c."embeddingDim" = ${dim} THEN 1 - ((c.embedding::${vecType}) <=> ${qvec}::${vecType}) END AS sim,
        q.question, q.answer
      FROM "KnowledgeChunk" c LEFT JOIN "QaPair" q ON q.id = c."qaPairId" AND q."tenantId" = c."tenantId"
      WHERE c."tenantId" = ${tenantId} AND c.id IN (${P.join(ids)})`,
    loadTermStats(tenantId, terms),
  ]);

  const byId = new Map(chunks.map((c) => [c.id, c]));
  const matchedById = new Map<string, string[]>();
  const candidates = chunks.map((c) => {
    const docTerms = c.searchText ? c.searchText.split(" ") : [];
    const have = new Set(docTerms);
    const matched = terms.filter((t) => have.has(t));
    matchedById.set(c.id, matched);
    return {
      id: c.id,
      vectorSim: c.sim === null ? null : Number(c.sim),
      bm25: bm25(terms, docTerms, stats),
      coverage: idfCoverage(terms, have, stats),
    };
  });
  // the vector side's own order (the keyword side's is ts_rank's, used by the "rrf" mode)
  const vectorOrder = [...candidates]
    .filter((c) => c.vectorSim !== null)
    .sort((a, b) => (b.vectorSim ?? 0) - (a.vectorSim ?? 0))
    .map((c) => c.id);
  const fused = fuse(
    candidates,
    vectorOrder,
    keywordRows.map((r) => r.id),
    opts.weights ?? fusionWeights(settings),
  );
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
