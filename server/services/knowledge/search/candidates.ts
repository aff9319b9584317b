import type { Prisma } from "../../../db/generated/prisma/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { LOCAL_EMBEDDING_MODEL, sketchOf } from "../embedding/local-embedder";
import { vectorLiteral } from "../index/qa-embedding";
import { anyTermQuery } from "../index/search-terms";
import type { TTermStats } from "../stats/term-stats";

// The two candidate lists of a search, each one statement (they run in parallel) returning what the
// scoring needs: the chunk, its Q&A pair and its cosine with the full query vector. Both bind
// tenantId and stay cheap for a tenant with 100 000 chunks:
// - vector side: a small tenant (up to EXACT_SCAN_MAX chunks) is scanned exactly through its tenantId
//   index — exact, and cheaper than walking a shared HNSW graph for a few of its rows; a large one walks
//   the HNSW index (sessions run iterative scans, see db/client.ts).
// - keyword side: the GIN index is keyed by (tenantId, tsv), so other tenants' rows are never visited;
//   only the query's rarer terms are matched, and at most RANKING_BUDGET matching rows are ranked: each
//   ranked row costs a heap visit and a detoasted tsvector (~20–90 µs here), and a term in hundreds of
//   chunks carries little BM25 weight anyway. The candidates are scored with every term afterwards.

/** Runs one raw statement: `rawQuery` (db/client.ts) on the hot path, a transaction's `$queryRaw` elsewhere. */
export type TRawRunner = <T>(q: Prisma.Sql) => Promise<T[]>;

export type TCandidateRow = {
  id: string;
  qaPairId: string | null;
  documentId: string | null;
  content: string;
  searchText: string;
  /** the chunk's terms already counted (the in-memory index); else searchText is split */
  terms?: { counts: ReadonlyMap<string, number>; length: number };
  sim: number | null;
  question: string | null;
  answer: string | null;
};

export const VECTOR_CANDIDATES = 60;
export const KEYWORD_CANDIDATES = 60;
const MAX_KEYWORD_TERMS = 12;
const RANKING_BUDGET = 400;
/** Tenants up to this many chunks get an exact vector scan instead of the HNSW walk. */
export const EXACT_SCAN_MAX = 2000;

type TQueryVector = { vector: Float32Array; model: string };

/** The columns of a candidate; the cosine only for chunks of the query's model. */
function columns(q: TQueryVector) {
  // the dimension goes into a type cast: an integer from the embedder's configuration, never input
  const vecType = P.raw(`vector(${Math.trunc(q.vector.length)})`);
  return P.sql`c.id, c."qaPairId", c."documentId", c.content, c."searchText", q.question, q.answer,
    CASE WHEN c."embeddingModel" = ${q.model} AND c."embeddingDim" = ${q.vector.length}
      THEN 1 - ((c.embedding::${vecType}) <=> ${vectorLiteral(q.vector)}::${vecType}) END AS sim`;
}

// The chunk columns the subquery passes out, and the join to the Q&A pair done on the picked rows only.
// Picking first and joining afterwards keeps the plan independent of planner statistics: joined in one
// level, a freshly imported knowledge base (not ANALYZEd yet) got a nested loop re-reading every pair
// of the tenant per chunk — 13 ms instead of 1.5 ms for 223 chunks (bench/pipeline-profile.ts --explain).
const PICK = P.sql`c.id, c."tenantId", c."qaPairId", c."documentId", c.content, c."searchText", c.embedding,
  c."embeddingModel", c."embeddingDim"`;
// Equal distances and ranks (common: ts_rank gives many chunks the same value) are ordered by id, in
// byte order, so the 60th place is decided the same way every time — and the same way as the
// in-memory index decides it (memory-candidates.ts).
const BY_ID = P.raw(`c.id COLLATE "C"`);
const JOIN_PAIRS = P.sql`LEFT JOIN "QaPair" q ON q.id = c."qaPairId" AND q."tenantId" = c."tenantId"`;

export async function vectorCandidates(
  run: TRawRunner,
  p: { tenantId: string; exact?: boolean } & TQueryVector,
): Promise<TCandidateRow[]> {
  return run<TCandidateRow>(vectorSql(p));
}

function vectorSql(p: { tenantId: string; exact?: boolean } & TQueryVector): P.Sql {
  // "+ 0" keeps the planner off the HNSW index, which only serves a bare distance ordering
  const ordered = (distance: P.Sql) => (p.exact ? P.sql`(${distance}) + 0, ${BY_ID}` : P.raw("rank"));
  if (p.model === LOCAL_EMBEDDING_MODEL) {
    const distance = P.sql`c.sketch <=> ${vectorLiteral(sketchOf(p.vector))}::vector(256)`;
    return P.sql`
      SELECT ${columns(p)}, row_number() OVER (ORDER BY c.rank, ${BY_ID}) AS ord FROM (
        SELECT ${PICK}, ${distance} AS rank FROM "KnowledgeChunk" c
        WHERE c."tenantId" = ${p.tenantId} AND c."embeddingModel" = ${p.model} AND c.enabled AND c.sketch IS NOT NULL
        ORDER BY ${ordered(distance)}
        LIMIT ${VECTOR_CANDIDATES}
      ) c ${JOIN_PAIRS}
      ORDER BY c.rank, ${BY_ID}`;
  }
  // the dimension is also the predicate of its partial index: a literal, so the planner can use it
  const dim = P.raw(String(Math.trunc(p.vector.length)));
  const vecType = P.raw(`vector(${Math.trunc(p.vector.length)})`);
  const distance = P.sql`(c.embedding::${vecType}) <=> ${vectorLiteral(p.vector)}::${vecType}`;
  return P.sql`
    SELECT ${columns(p)}, row_number() OVER (ORDER BY c.rank, ${BY_ID}) AS ord FROM (
      SELECT ${PICK}, ${distance} AS rank
      FROM "KnowledgeChunk" c
      WHERE c."tenantId" = ${p.tenantId} AND c."embeddingDim" = ${dim} AND c.sketch IS NULL
        AND c."embeddingModel" = ${p.model} AND c.enabled
      ORDER BY ${ordered(distance)}
      LIMIT ${VECTOR_CANDIDATES}
    ) c ${JOIN_PAIRS}
    ORDER BY c.rank, ${BY_ID}`;
}

/**
 * The query terms worth matching, rarest first, until the rows they match would exceed a budget:
 * ranking is the keyword side's cost, and a common term adds many rows but little BM25 weight. When
 * even the rarest term is in more chunks than the budget, there is no keyword side: ranking an
 * arbitrary part of thousands of rows would find nothing the vector side does not (and collecting
 * them is the slowest thing a search can do). Terms in none of the tenant's chunks are left out (the
 * statistics are exact, so they cannot match).
 */
export function selectiveTerms(terms: string[], stats: TTermStats | null): string[] {
  if (!stats) return terms.slice(0, MAX_KEYWORD_TERMS);
  const df = (t: string) => stats.df.get(t) ?? 0;
  const picked: string[] = [];
  let rows = 0;
  for (const term of [...terms].filter((t) => df(t) > 0).sort((a, b) => df(a) - df(b))) {
    if (rows + df(term) > RANKING_BUDGET || picked.length === MAX_KEYWORD_TERMS) break;
    picked.push(term);
    rows += df(term);
  }
  return picked;
}

export async function keywordCandidates(
  run: TRawRunner,
  p: { tenantId: string; terms: string[] } & TQueryVector,
): Promise<TCandidateRow[]> {
  const query = keywordSql(p);
  return query ? run<TCandidateRow>(query) : [];
}

function keywordSql(p: { tenantId: string; terms: string[] } & TQueryVector): P.Sql | null {
  const tsquery = anyTermQuery(p.terms);
  if (!tsquery) return null;
  // selectiveTerms keeps the matches within the budget; the inner LIMIT holds it without statistics too
  return P.sql`
    SELECT ${columns(p)}, row_number() OVER (ORDER BY c.rank DESC, ${BY_ID}) AS ord FROM (
      SELECT ${PICK}, ts_rank(c.tsv, to_tsquery('simple', ${tsquery}), 1) AS rank FROM (
        SELECT * FROM "KnowledgeChunk" c
        WHERE c."tenantId" = ${p.tenantId} AND c.enabled AND c.tsv @@ to_tsquery('simple', ${tsquery})
        LIMIT ${RANKING_BUDGET}
      ) c
      ORDER BY rank DESC, ${BY_ID}
      LIMIT ${KEYWORD_CANDIDATES}
    ) c ${JOIN_PAIRS}
    ORDER BY c.rank DESC, ${BY_ID}`;
}

/**
 * Both sides in one statement (UNION ALL), once the keyword side's terms are known: one round trip
 * and one statement per search instead of two. Each side keeps its own order (`ord`).
 */
export async function bothCandidates(
  run: TRawRunner,
  p: { tenantId: string; exact?: boolean; terms: string[] } & TQueryVector,
): Promise<{ vector: TCandidateRow[]; keyword: TCandidateRow[] }> {
  const keyword = keywordSql(p);
  if (!keyword) return { vector: await vectorCandidates(run, p), keyword: [] };
  const rows = await run<TCandidateRow & { side: "v" | "k"; ord: bigint | number }>(P.sql`
    SELECT 'v' AS side, v.* FROM (${vectorSql(p)}) v
    UNION ALL
    SELECT 'k' AS side, k.* FROM (${keyword}) k`);
  const side = (s: "v" | "k") =>
    rows
      .filter((r) => r.side === s)
      .sort((a, b) => Number(a.ord) - Number(b.ord))
      .map(({ side: _side, ord: _ord, ...row }) => row);
  return { vector: side("v"), keyword: side("k") };
}
