import { Prisma as P, type Prisma } from "../../../db/generated/prisma/client";
import { adjustTermStats } from "./term-stats";

// Chunk deletions and enable/disable go through here, so the BM25 statistics change in the same
// transaction as the chunks (inserts: index/write-chunks.ts). Deleting a Q&A pair or a document
// must delete its chunks here first: a cascade would bypass the statistics. DELETE/UPDATE …
// RETURNING report exactly the rows this statement changed, even with concurrent writers.

type TTx = Prisma.TransactionClient;
export type TChunkOwner = { qaPairIds: string[] } | { documentId: string } | { chunkId: string };

function ownerFilter(owner: TChunkOwner) {
  if ("chunkId" in owner) return P.sql`id = ${owner.chunkId}`;
  return "documentId" in owner
    ? P.sql`"documentId" = ${owner.documentId}`
    : P.sql`"qaPairId" = ANY(${owner.qaPairIds}::text[])`;
}

export async function deleteChunks(tx: TTx, tenantId: string, owner: TChunkOwner): Promise<number> {
  if ("qaPairIds" in owner && !owner.qaPairIds.length) return 0;
  const gone = await tx.$queryRaw<{ searchText: string; enabled: boolean }[]>`
    DELETE FROM "KnowledgeChunk" WHERE "tenantId" = ${tenantId} AND ${ownerFilter(owner)}
    RETURNING "searchText", enabled`;
  await adjustTermStats(
    tx,
    tenantId,
    gone.filter((c) => c.enabled).map((c) => c.searchText),
    -1,
  );
  return gone.length;
}

export async function setChunksEnabled(
  tx: TTx,
  tenantId: string,
  owner: TChunkOwner,
  enabled: boolean,
): Promise<void> {
  const changed = await tx.$queryRaw<{ searchText: string }[]>`
    UPDATE "KnowledgeChunk" SET enabled = ${enabled}, "updatedAt" = now()
    WHERE "tenantId" = ${tenantId} AND ${ownerFilter(owner)} AND enabled <> ${enabled}
    RETURNING "searchText"`;
  await adjustTermStats(
    tx,
    tenantId,
    changed.map((c) => c.searchText),
    enabled ? 1 : -1,
  );
}
