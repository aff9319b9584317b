import { rawQuery } from "../../../db/client";
import { Prisma } from "../../../db/generated/prisma/client";
import { env } from "../../../env";
import { logger } from "../../../logging";
import type { TTermStats } from "../stats/term-stats";
import { EXACT_SCAN_MAX } from "./candidates";
import { parseTsvector, parseVector } from "./pg-text";

// A small tenant's search index, kept in this process: what the two candidate statements read for
// every search (each enabled chunk's sketch or embedding, its keyword terms and text, its Q&A pair),
// loaded once in one statement. A search then needs no candidate statement — at bench scale that
// statement was the largest cost per message on both sides (PostgreSQL reading ~2 000 buffers,
// Node decoding 120 rows of text). memory-candidates.ts picks the same candidates from it.
//
// Freshness without messages between processes: KnowledgeStats.version changes with every write to
// the tenant's chunks or Q&A pairs (database triggers), and every search reads it with the term
// statistics anyway. A copy is used only while its version is the current one; otherwise the search
// goes to the database as before and the copy is reloaded in the background. So a search never sees
// older knowledge than a database search would, whichever process wrote it.
//
// Bounded: only tenants the exact scan serves (≤ EXACT_SCAN_MAX chunks), and KEFU_SEARCH_MEMORY_MB in
// all (least recently searched tenants go first).

export type TMemoryChunk = {
  id: string;
  qaPairId: string | null;
  documentId: string | null;
  content: string;
  question: string | null;
  answer: string | null;
  model: string | null;
  dim: number | null;
  embedding: Float32Array | null;
  sketch: Float32Array | null;
  /** squared norms, computed once (a cosine then costs one dot product) */
  embeddingNormSq: number;
  sketchNormSq: number;
  /** every keyword term of the chunk (searchText) and how often it occurs: BM25's input */
  termCounts: Map<string, number>;
  termTotal: number;
  /** the tsvector's lexemes with their number of positions, and their sum: ts_rank's input */
  lexemes: Map<string, number>;
  lexemeTotal: number;
};

export type TMemoryIndex = {
  tenantId: string;
  version: string;
  chunks: TMemoryChunk[];
  /** lexeme → the chunks (positions in `chunks`) whose tsvector holds it: the keyword side's matches */
  postings: Map<string, number[]>;
  bytes: number;
};

type TRow = {
  version: string;
  id: string;
  qaPairId: string | null;
  documentId: string | null;
  content: string;
  question: string | null;
  answer: string | null;
  embeddingModel: string | null;
  embeddingDim: number | null;
  searchText: string;
  tsv: string | null;
  embedding: string | null;
  sketch: string | null;
};

const KEY = Symbol.for("kefu.knowledge-memory-index");
type TState = {
  indexes: Map<string, TMemoryIndex>;
  loading: Map<string, Promise<void>>;
  /** tenants not kept at a version (too large for the budget, or the load failed): not retried until then */
  refused: Map<string, { version: string; until: number }>;
  bytes: number;
};
type G = typeof globalThis & { [KEY]?: TState };

function state(): TState {
  return ((globalThis as G)[KEY] ??= {
    indexes: new Map(),
    loading: new Map(),
    refused: new Map(),
    bytes: 0,
  });
}

const budgetBytes = () => env().KEFU_SEARCH_MEMORY_MB * 1024 * 1024;

function counts(terms: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** A rough size of a chunk in memory: vectors, strings (UTF-16) and the two term maps. */
function sizeOf(c: TMemoryChunk): number {
  const text = c.content.length + (c.question?.length ?? 0) + (c.answer?.length ?? 0);
  const maps = (c.termCounts.size + (c.lexemes === c.termCounts ? 0 : c.lexemes.size)) * 80;
  return 200 + (c.embedding?.byteLength ?? 0) + (c.sketch?.byteLength ?? 0) + 2 * text + maps;
}

function normSq(v: Float32Array | null): number {
  let sum = 0;
  if (v) for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return sum;
}

function toChunk(r: TRow): TMemoryChunk {
  const terms = r.searchText ? r.searchText.split(" ") : [];
  const termCounts = counts(terms);
  const tsv = parseTsvector(r.tsv ?? "");
  let lexemeTotal = 0;
  for (const n of tsv.values()) lexemeTotal += n;
  // the tsvector is generated from searchText, whose terms the 'simple' parser keeps whole: then
  // the two maps are the same and one is kept
  const same = tsv.size === termCounts.size && [...tsv].every(([t, n]) => termCounts.get(t) === n);
  const embedding = r.embedding ? parseVector(r.embedding) : null;
  const sketch = r.sketch ? parseVector(r.sketch) : null;
  return {
    id: r.id,
    qaPairId: r.qaPairId,
    documentId: r.documentId,
    content: r.content,
    question: r.question,
    answer: r.answer,
    model: r.embeddingModel,
    dim: r.embeddingDim,
    embedding,
    sketch,
    embeddingNormSq: normSq(embedding),
    sketchNormSq: normSq(sketch),
    termCounts,
    termTotal: terms.length,
    lexemes: same ? termCounts : tsv,
    lexemeTotal,
  };
}

async function load(tenantId: string): Promise<TMemoryIndex | null> {
  // the version and the chunks in one statement (one snapshot): the copy is exactly that version
  const rows = await rawQuery<TRow>(Prisma.sql`
    SELECT s.version, c.id, c."qaPairId", c."documentId", c.content, q.question, q.answer,
      c."embeddingModel", c."embeddingDim", c."searchText", c.tsv::text AS tsv,
      c.embedding::text AS embedding, c.sketch::text AS sketch
    FROM "KnowledgeStats" s
    JOIN "KnowledgeChunk" c ON c."tenantId" = s."tenantId" AND c.enabled
    LEFT JOIN "QaPair" q ON q.id = c."qaPairId" AND q."tenantId" = c."tenantId"
    WHERE s."tenantId" = ${tenantId} AND s.version <> ''
    ORDER BY c.id
    LIMIT ${EXACT_SCAN_MAX + 1}`);
  if (!rows.length || rows.length > EXACT_SCAN_MAX) return null;
  const chunks = rows.map(toChunk);
  const postings = new Map<string, number[]>();
  chunks.forEach((c, i) => {
    for (const lexeme of c.lexemes.keys()) {
      const list = postings.get(lexeme);
      if (list) list.push(i);
      else postings.set(lexeme, [i]);
    }
  });
  const bytes = chunks.reduce((sum, c) => sum + sizeOf(c) + c.lexemes.size * 8, 0);
  return { tenantId, version: rows[0].version, chunks, postings, bytes };
}

const RETRY_AFTER_FAILURE_MS = 60_000;

function refuse(tenantId: string, version: string, until = Number.POSITIVE_INFINITY): void {
  const refused = state().refused;
  if (refused.size > 10_000) refused.clear(); // bounded: a process serving very many tenants starts over
  refused.set(tenantId, { version, until });
}

/** Keeps the copy; false when it alone is larger than the budget. */
function store(index: TMemoryIndex): boolean {
  const s = state();
  const budget = budgetBytes();
  if (index.bytes > budget) return false;
  const old = s.indexes.get(index.tenantId);
  if (old) {
    s.indexes.delete(index.tenantId);
    s.bytes -= old.bytes;
  }
  // a Map iterates in insertion order and a hit re-inserts: the first entries are the least recent
  for (const [tenantId, other] of s.indexes) {
    if (s.bytes + index.bytes <= budget) break;
    s.indexes.delete(tenantId);
    s.bytes -= other.bytes;
  }
  s.indexes.set(index.tenantId, index);
  s.bytes += index.bytes;
  return true;
}

/**
 * Loads the tenant's copy (once at a time per tenant). A tenant that cannot be kept at this version
 * is not tried again until its knowledge changes (or, after a failure, for a minute); searches go on
 * in the database meanwhile.
 */
export function loadMemoryIndex(tenantId: string, version: string): Promise<void> {
  const s = state();
  let running = s.loading.get(tenantId);
  if (!running) {
    running = load(tenantId)
      .then((index) => {
        if (!index || !store(index)) refuse(tenantId, version);
      })
      .catch((err: unknown) => {
        refuse(tenantId, version, Date.now() + RETRY_AFTER_FAILURE_MS);
        logger().warn({ err, tenantId }, "search index not kept in memory");
      })
      .finally(() => s.loading.delete(tenantId));
    s.loading.set(tenantId, running);
  }
  return running;
}

/**
 * The tenant's in-memory index if it is the current version; otherwise null (search in the
 * database), and a small enough tenant's copy starts loading for the next searches.
 */
export function currentMemoryIndex(tenantId: string, stats: TTermStats | null): TMemoryIndex | null {
  if (!stats?.version || stats.chunkCount > EXACT_SCAN_MAX || budgetBytes() === 0) return null;
  const s = state();
  const hit = s.indexes.get(tenantId);
  if (hit?.version === stats.version) {
    s.indexes.delete(tenantId); // most recently used: to the end
    s.indexes.set(tenantId, hit);
    return hit;
  }
  const refused = s.refused.get(tenantId);
  if (refused?.version === stats.version && Date.now() < refused.until) return null;
  void loadMemoryIndex(tenantId, stats.version);
  return null;
}

/** Memory held by the copies, for the metrics and the tests. */
export function memoryIndexUsage(): { tenants: number; bytes: number } {
  const s = state();
  return { tenants: s.indexes.size, bytes: s.bytes };
}

/** Drops every copy (tests). */
export function clearMemoryIndexes(): void {
  const s = state();
  s.indexes.clear();
  s.refused.clear();
  s.bytes = 0;
}
