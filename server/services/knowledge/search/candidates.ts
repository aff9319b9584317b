import type { Prisma } from "../../../db/generated/prisma/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { LOCAL_EMBEDDING_MODEL, sketchOf } from "../embedding/local-embedder";
import { vectorLiteral } from "../index/qa-embedding";
import { anyTermQuery } from "../index/search-terms";
import type { TTermStats } from "../stats/term-stats";

// The two candidate lists of a search. Both bind tenantId and stay cheap for a tenant with 100 000
// chunks: the vector side walks an HNSW index (iterative scan, so a small tenant among large ones
// still fills its list), the keyword side matches only the query's selective terms (a term in every
// other chunk would make PostgreSQL rank half the tenant; BM25 gives such terms almost no weight
// anyway, and the candidates are scored with every term afterwards).

type TTx = Prisma.TransactionClient;

const VECTOR_CANDIDATES = 60;
const KEYWORD_CANDIDATES = 60;
const MAX_KEYWORD_TERMS = 12;
const COMMON_SHARE = 0.05;

export async function vectorCandidates(
  tx: TTx,
  p: { tenantId: string; vector: Float32Array; model: string },
): Promise<string[]> {
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
  await tx.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = 100`);
  if (p.model === LOCAL_EMBEDDING_MODEL) {
    const sketch = vectorLiteral(sketchOf(p.vector));
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "KnowledgeChunk"
      WHERE "tenantId" = ${p.tenantId} AND "embeddingModel" = ${p.model} AND enabled AND sketch IS NOT NULL
      ORDER BY sketch <=> ${sketch}::vector(256)
      LIMIT ${VECTOR_CANDIDATES}`;
    return rows.map((r) => r.id);
  }
  // the dimension is part of the expression (and predicate) of the partial index for it: written as a
  // literal so the planner can match the index; it is an integer from the provider's configuration
  const dim = P.raw(String(Math.trunc(p.vector.length)));
  const vecType = P.raw(`vector(${Math.trunc(p.vector.length)})`);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "KnowledgeChunk"
    WHERE "tenantId" = ${p.tenantId} AND "embeddingDim" = ${dim} AND sketch IS NULL
      AND "embeddingModel" = ${p.model} AND enabled
    ORDER BY (embedding::${vecType}) <=> ${vectorLiteral(p.vector)}::${vecType}
    LIMIT ${VECTOR_CANDIDATES}`;
  return rows.map((r) => r.id);
}

/** The query terms worth matching: the rarer ones first, common ones only when nothing else is left. */
export function selectiveTerms(terms: string[], stats: TTermStats | null): string[] {
  if (!stats) return terms.slice(0, MAX_KEYWORD_TERMS);
  const df = (t: string) => stats.df.get(t) ?? 0;
  const byRarity = [...terms].sort((a, b) => df(a) - df(b));
  const selective = byRarity.filter((t) => df(t) <= Math.max(50, stats.chunkCount * COMMON_SHARE));
  return (selective.length ? selective : byRarity.slice(0, 3)).slice(0, MAX_KEYWORD_TERMS);
}

export async function keywordCandidates(
  tx: TTx,
  p: { tenantId: string; terms: string[] },
): Promise<string[]> {
  const tsquery = anyTermQuery(p.terms);
  if (!tsquery) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "KnowledgeChunk"
    WHERE "tenantId" = ${p.tenantId} AND enabled AND tsv @@ to_tsquery('simple', ${tsquery})
    ORDER BY ts_rank(tsv, to_tsquery('simple', ${tsquery}), 1) DESC
    LIMIT ${KEYWORD_CANDIDATES}`;
  return rows.map((r) => r.id);
}
