import { LOCAL_EMBEDDING_MODEL, sketchOf } from "../embedding/local-embedder";
import { queryOperands } from "../index/search-terms";
import { KEYWORD_CANDIDATES, VECTOR_CANDIDATES, type TCandidateRow } from "./candidates";
import type { TMemoryChunk, TMemoryIndex } from "./memory-index";

// The two candidate lists of candidates.ts, picked from a tenant's in-memory index instead of the
// database — the same rules, so a search gives the same hits either way (tests/integration/
// memory-search.test.ts compares them):
// - vector side: local embeddings by the 256-dimension sketch, provider embeddings by the embedding
//   itself, exact (the copies exist only for tenants the exact scan serves), the closest 60;
// - keyword side: chunks whose tsvector holds any of the query's selective terms, ordered by
//   PostgreSQL's ts_rank(tsv, query, 1), the first 60;
// - each candidate's cosine with the full query vector, for chunks of the query's model.
// The query vector is rounded as the database receives it (vectorLiteral: six decimals).

type TQueryVector = { vector: Float32Array; model: string };

/** What the database gets from vectorLiteral: each value to six decimals, then float4. */
function asSent(v: Float32Array): { v: Float32Array; normSq: number } {
  const out = new Float32Array(v.length);
  let normSq = 0;
  for (let i = 0; i < v.length; i++) {
    out[i] = Math.round(v[i] * 1e6) / 1e6;
    normSq += out[i] * out[i];
  }
  return { v: out, normSq };
}

/** pgvector's cosine distance (NaN when either vector is zero, as there), the squared norms known. */
function cosineDistance(a: Float32Array, aNormSq: number, b: Float32Array, bNormSq: number): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  const similarity = dot / Math.sqrt(aNormSq * bNormSq);
  if (Number.isNaN(similarity)) return NaN;
  return 1 - Math.max(-1, Math.min(1, similarity));
}

/** Ids in byte order (COLLATE "C"): the tie-break of both candidate lists, as in candidates.ts. */
const byId = (a: { c: TMemoryChunk }, b: { c: TMemoryChunk }) =>
  a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0;

/** Ascending, NaN last (PostgreSQL sorts NaN above every number), then by id. */
const byDistance = (a: { c: TMemoryChunk; d: number }, b: { c: TMemoryChunk; d: number }) =>
  (Number.isNaN(a.d) ? (Number.isNaN(b.d) ? 0 : 1) : Number.isNaN(b.d) ? -1 : a.d - b.d) || byId(a, b);

// ts_rank's arithmetic (tsrank.c, calc_rank_or with normalization 1), in float4 as there, so equal
// ranks stay equal: positions carry no label in our tsvectors, so each weighs D = 0.1; the j-th
// occurrence of a term counts 1/j², each term's sum is scaled by 1/(π²/6), the total divided by the
// number of query terms and by log2(document length + 1).
const f = Math.fround;
const WEIGHT_D = f(0.1);
const PI2_6 = 1.64493406685;

function termRank(positions: number): number {
  let resj = 0;
  for (let j = 1; j <= positions; j++) resj = f(resj + f(WEIGHT_D / (j * j)));
  // (wjm + resj - wjm / (jm+1)²) with the largest weight wjm = 0.1 at jm = 0
  return f(f(WEIGHT_D + resj) - WEIGHT_D) / PI2_6;
}

/**
 * The operands as ts_rank visits them (SortAndUniqItems: by their bytes, a prefix first, duplicates
 * dropped) — the float4 sum depends on the order.
 */
export function rankOrder(operands: string[]): string[] {
  return [...new Set(operands)]
    .map((t) => ({ t, b: Buffer.from(t, "utf8") }))
    .sort((x, y) => Buffer.compare(x.b, y.b))
    .map((x) => x.t);
}

/** ts_rank(tsv, 'a' | 'b' | …, 1) of one chunk (operands in rankOrder): 0 when it matches none of the operands. */
export function tsRank(chunk: Pick<TMemoryChunk, "lexemes" | "lexemeTotal">, operands: string[]): number {
  if (!chunk.lexemes.size || !operands.length) return 0;
  let res = 0;
  let matched = false;
  for (const term of operands) {
    const positions = chunk.lexemes.get(term);
    if (!positions) continue;
    matched = true;
    res = f(res + termRank(positions));
  }
  if (!matched) return 0;
  res = f(res / operands.length);
  return f(res / (Math.log(chunk.lexemeTotal + 1) / Math.log(2)));
}

function row(c: TMemoryChunk, sim: number | null): TCandidateRow {
  return {
    id: c.id,
    qaPairId: c.qaPairId,
    documentId: c.documentId,
    content: c.content,
    searchText: "",
    terms: { counts: c.termCounts, length: c.termTotal },
    sim,
    question: c.question,
    answer: c.answer,
  };
}

export function memoryCandidates(
  index: TMemoryIndex,
  q: TQueryVector & { terms: string[] },
): { vector: TCandidateRow[]; keyword: TCandidateRow[] } {
  const full = asSent(q.vector);
  const local = q.model === LOCAL_EMBEDDING_MODEL;
  const probe = local ? asSent(sketchOf(q.vector)) : full;
  const dim = full.v.length;
  // a chunk on both lists is scored once
  const sims = new Map<TMemoryChunk, number | null>();
  const simOf = (c: TMemoryChunk) => {
    let sim = sims.get(c);
    if (sim === undefined) {
      sim =
        c.model === q.model && c.dim === dim && c.embedding
          ? 1 - cosineDistance(c.embedding, c.embeddingNormSq, full.v, full.normSq)
          : null;
      sims.set(c, sim);
    }
    return sim;
  };

  const vector: { c: TMemoryChunk; d: number }[] = [];
  for (const c of index.chunks) {
    if (c.model !== q.model) continue;
    if (local && c.sketch)
      vector.push({ c, d: cosineDistance(c.sketch, c.sketchNormSq, probe.v, probe.normSq) });
    else if (!local && !c.sketch && c.dim === dim && c.embedding)
      vector.push({ c, d: cosineDistance(c.embedding, c.embeddingNormSq, full.v, full.normSq) });
  }
  vector.sort(byDistance);

  // the chunks holding any operand (the postings), each ranked as ts_rank ranks it
  const operands = rankOrder(queryOperands(q.terms).map((t) => t.toLowerCase()));
  const matched = new Set<number>();
  for (const term of operands) for (const i of index.postings.get(term) ?? []) matched.add(i);
  const keyword = [...matched]
    .map((i) => ({ c: index.chunks[i], rank: tsRank(index.chunks[i], operands) }))
    .sort((a, b) => b.rank - a.rank || byId(a, b));

  return {
    vector: vector.slice(0, VECTOR_CANDIDATES).map(({ c }) => row(c, simOf(c))),
    keyword: keyword.slice(0, KEYWORD_CANDIDATES).map(({ c }) => row(c, simOf(c))),
  };
}
