import { z } from "zod";
import { db } from "../../../db/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { embedLocal, LOCAL_EMBEDDING_DIM } from "../embedding/local-embedder";
import { vectorLiteral } from "../index/qa-embedding";
import { anyTermQuery, searchTerms } from "../index/search-terms";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { fuse, type TFusionWeights } from "./fuse";

// searchKnowledge: the one entry point the message pipeline and the hit-test page use.
// Vector side: cosine over the tenant's chunks of the query's dimension, through the partial HNSW
// index for that dimension with iterative scans (so a small tenant among large ones still gets its
// rows). Keyword side: the generated tsvector matched against any query term, ranked by ts_rank.
// Both candidate lists are fused (see fuse.ts). Every statement binds tenantId.

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
  keywordCoverage: number;
  score: number;
  directAnswer: boolean;
  matchedTerms: string[];
};

const CANDIDATES = 40;
const DEFAULT_DIRECT_ANSWER = 0.9;

export async function searchKnowledge(
  input: z.input<typeof ZSearchInput>,
  opts: { weights?: TFusionWeights; directAnswerThreshold?: number } = {},
): Promise<{ hits: TSearchHit[]; terms: string[] }> {
  const { tenantId, query, topK } = ZSearchInput.parse(input);
  const client = await db();
  const lexicon = await loadTenantLexicon(tenantId);
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
    const v = await tx.$queryRaw<{ id: string; sim: number }[]>`
      SELECT id, 1 - ((embedding::${vecType}) <=> ${qvec}::${vecType}) AS sim
      FROM "KnowledgeChunk"
      WHERE "tenantId" = ${tenantId} AND "embeddingDim" = ${dim} AND enabled
      ORDER BY (embedding::${vecType}) <=> ${qvec}::${vecType}
      LIMIT ${CANDIDATES}`;
    const k = tsquery
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "KnowledgeChunk"
          WHERE "tenantId" = ${tenantId} AND enabled AND tsv @@ to_tsquery('simple', ${tsquery})
          ORDER BY ts_rank(tsv, to_tsquery('simple', ${tsquery}), 1) DESC
          LIMIT ${CANDIDATES}`
      : [];
    return [v, k];
  });

  const ids = [...new Set([...vectorRows.map((r) => r.id), ...keywordRows.map((r) => r.id)])];
  if (!ids.length) return { hits: [], terms };
  const chunks = await client.$queryRaw<
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
    WHERE c."tenantId" = ${tenantId} AND c.id IN (${P.join(ids)})`;

  const byId = new Map(chunks.map((c) => [c.id, c]));
  const evidence = new Map(
    chunks.map((c) => {
      const have = new Set(c.searchText.split(" "));
      const matched = terms.filter((t) => have.has(t));
      return [
        c.id,
        {
          vectorSim: c.sim === null ? null : Number(c.sim),
          coverage: terms.length ? matched.length / terms.length : 0,
          matched,
        },
      ];
    }),
  );
  const fused = fuse(
    vectorRows.map((r) => r.id),
    keywordRows.map((r) => r.id),
    evidence,
    opts.weights,
  );
  const threshold = opts.directAnswerThreshold ?? DEFAULT_DIRECT_ANSWER;
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
      keywordCoverage: f.coverage,
      score: f.score,
      directAnswer: Boolean(c.qaPairId) && f.score >= threshold,
      matchedTerms: evidence.get(f.id)?.matched ?? [],
    };
  });
  return { hits, terms };
}
