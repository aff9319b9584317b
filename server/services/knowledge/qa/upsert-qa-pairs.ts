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

export async function upsertQaPairs(
  tenantId: string,
  rows: TQaRow[],
  opts: { source?: "MANUAL" | "IMPORT" | "LEARNED"; createdById?: string | null } = {},
): Promise<TUpsertResult> {
  const client = await db();
  const [lexicon, embedder] = await Promise.all([loadTenantLexicon(tenantId), tenantEmbedder(tenantId)]);
  const result: TUpsertResult = { created: 0, updated: 0 };
  // a repeated key (externalId, else the question): the last row wins
  rows = [
    ...new Map(
      rows.map((r) => [r.externalId ? `id:${r.externalId}` : `q:${r.question}`, r] as const),
    ).values(),
  ];
  const batches: TQaRow[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));
  // segmentation and embeddings (CPU, or the provider over HTTP) happen outside the transactions, and
  // the next batch is prepared while the current one is written (the work yields between slices)
  let prepared = batches.length ? prepareBatch(batches[0], embedder, lexicon) : null;
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b];
    const indexed = await prepared!;
    prepared = b + 1 < batches.length ? prepareBatch(batches[b + 1], embedder, lexicon) : null;
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
            source: opts.source ?? "MANUAL",
            createdById: opts.createdById ?? null,
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
  // after a bulk load the planner's row estimates are stale until autovacuum gets to it, and with
  // them it sorts a whole tenant instead of walking the vector index (seconds instead of milliseconds)
  if (rows.length >= ANALYZE_AFTER_ROWS) await client.$executeRawUnsafe(`ANALYZE "KnowledgeChunk", "QaPair"`);
  return result;
}
