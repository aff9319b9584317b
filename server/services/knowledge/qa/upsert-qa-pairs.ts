import { randomUUID } from "node:crypto";
import { db } from "../../../db/client";
import { tenantEmbedder, type TEmbedder } from "../embedding/tenant-embedder";
import type { TLexicon } from "../text/lexicon";
import { combineQaVectors } from "../index/qa-embedding";
import { searchText } from "../index/search-terms";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { insertChunks } from "../index/write-chunks";
import { deleteChunks } from "../stats/chunk-writes";
import type { TQaRow } from "./qa-schemas";

// Q&A pairs are stored and indexed in one transaction per batch: a pair is searchable as soon as it
// exists, and a failure leaves no half-indexed pair behind. A row whose externalId exists already —
// or, without an externalId, whose question exists already — updates that pair (and replaces its
// chunk), so re-importing a spreadsheet does not duplicate it.

const BATCH = 500;
const WRITERS = 2;

export type TUpsertResult = { created: number; updated: number };

type TIndexed = Map<TQaRow, { searchText: string; embedding: Float32Array; embeddingModel: string }>;

const SLICE = 50;
const ANALYZE_AFTER_ROWS = 1000;

async function prepareBatch(batch: TQaRow[], embedder: TEmbedder, lexicon: TLexicon): Promise<TIndexed> {
  const indexed: TIndexed = new Map();
  for (let i = 0; i < batch.length; i += SLICE) {
    await new Promise<void>((resolve) => setImmediate(resolve)); // let the writer's queries go out
    const slice = batch.slice(i, i + SLICE);
    const embedded = await embedder.embed(
      slice.flatMap((row) => [row.question, row.answer]),
      lexicon,
    );
    slice.forEach((row, k) =>
      indexed.set(row, {
        // the question counts twice on the keyword side, as it outweighs the answer in the vector
        searchText: searchText([{ text: row.question, repeat: 2 }, { text: row.answer }], lexicon),
        embedding: combineQaVectors(embedded.vectors[2 * k], embedded.vectors[2 * k + 1]),
        embeddingModel: embedded.model,
      }),
    );
  }
  return indexed;
}

type TWriteContext = {
  tenantId: string;
  source: "MANUAL" | "IMPORT" | "LEARNED";
  createdById: string | null;
  result: TUpsertResult;
};

/** One batch in one transaction: pairs created or updated, their chunks replaced, statistics adjusted. */
async function writeBatch(ctx: TWriteContext, batch: TQaRow[], indexed: TIndexed): Promise<void> {
  const { tenantId, result } = ctx;
  const client = await db();
  await client.$transaction(
    async (tx) => {
      const externalIds = batch.map((r) => r.externalId).filter((x): x is string => Boolean(x));
      const existing = externalIds.length
        ? await tx.qaPair.findMany({
            where: { tenantId, externalId: { in: externalIds } },
            select: { id: true, externalId: true },
          })
        : [];
      const idByExternal = new Map(existing.map((e) => [e.externalId!, e.id]));
      const questions = batch.filter((r) => !r.externalId).map((r) => r.question);
      const sameQuestion = questions.length
        ? await tx.qaPair.findMany({
            where: { tenantId, question: { in: questions } },
            select: { id: true, question: true },
          })
        : [];
      const idByQuestion = new Map(sameQuestion.map((e) => [e.question, e.id]));
      const pairs: { id: string; row: TQaRow }[] = [];
      const fresh: { id: string; row: TQaRow }[] = [];
      for (const row of batch) {
        const data = {
          question: row.question,
          answer: row.answer,
          topic: row.topic ?? null,
          category: row.category ?? null,
        };
        const known = row.externalId ? idByExternal.get(row.externalId) : idByQuestion.get(row.question);
        if (known) {
          await tx.qaPair.updateMany({ where: { id: known, tenantId }, data });
          pairs.push({ id: known, row });
          result.updated++;
        } else {
          fresh.push({ id: randomUUID(), row });
        }
      }
      if (pairs.length) await deleteChunks(tx, tenantId, { qaPairIds: pairs.map((p) => p.id) });
      // new pairs in one statement: ids are made here, so no round trip per row
      await tx.qaPair.createMany({
        data: fresh.map(({ id, row }) => ({
          id,
          tenantId,
          externalId: row.externalId ?? null,
          question: row.question,
          answer: row.answer,
          topic: row.topic ?? null,
          category: row.category ?? null,
          source: ctx.source,
          createdById: ctx.createdById,
        })),
      });
      result.created += fresh.length;
      pairs.push(...fresh);
      await insertChunks(
        tx,
        pairs.map(({ id, row }) => ({
          tenantId,
          qaPairId: id,
          ordinal: 0,
          content: `${row.question}\n${row.answer}`,
          ...indexed.get(row)!,
          tokenCount: row.question.length + row.answer.length,
        })),
      );
    },
    { timeout: 120_000 },
  );
}

export async function upsertQaPairs(
  tenantId: string,
  rows: TQaRow[],
  opts: { source?: "MANUAL" | "IMPORT" | "LEARNED"; createdById?: string | null } = {},
): Promise<TUpsertResult> {
  const client = await db();
  const [lexicon, embedder] = await Promise.all([loadTenantLexicon(tenantId), tenantEmbedder(tenantId)]);
  const result: TUpsertResult = { created: 0, updated: 0 };
  const ctx: TWriteContext = {
    tenantId,
    source: opts.source ?? "MANUAL",
    createdById: opts.createdById ?? null,
    result,
  };
  // a repeated key (externalId, else the question): the last row wins
  rows = [
    ...new Map(
      rows.map((r) => [r.externalId ? `id:${r.externalId}` : `q:${r.question}`, r] as const),
    ).values(),
  ];
  const batches: TQaRow[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  // Segmentation and embeddings (CPU, or the provider over HTTP) happen outside the transactions.
  // Two writers take batches in turn: while one prepares its batch (this process's CPU) the other's
  // transaction runs in PostgreSQL (the other core), and two transactions can insert at once. Batches
  // hold distinct rows, so the writers never touch the same pair; the term statistics take a
  // per-tenant lock (term-stats.ts), so the writers queue there, last in each transaction of an import.
  let next = 0;
  let failed = false;
  const writer = async () => {
    while (!failed && next < batches.length) {
      const batch = batches[next++];
      try {
        await writeBatch(ctx, batch, await prepareBatch(batch, embedder, lexicon));
      } catch (e) {
        failed = true; // the other writer finishes its batch and stops
        throw e;
      }
    }
  };
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(WRITERS, batches.length) }, writer),
  );
  const failure = outcomes.find((o) => o.status === "rejected");
  if (failure) throw failure.reason;
  // after a bulk load the planner's row estimates are stale until autovacuum gets to it, and with
  // them it sorts a whole tenant instead of walking the vector index (seconds instead of milliseconds)
  if (rows.length >= ANALYZE_AFTER_ROWS) await client.$executeRawUnsafe(`ANALYZE "KnowledgeChunk", "QaPair"`);
  return result;
}
