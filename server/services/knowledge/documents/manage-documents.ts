import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../../../db/client";
import { AppError, notFound } from "../../../errors";
import { MAX_DOCUMENT_BYTES } from "./parse-document";
import { deleteChunks, setChunksEnabled } from "../stats/chunk-writes";
import { cursorPage } from "../../../db/cursor-page";

// Uploaded documents: stored with their bytes (so they can be re-indexed), then parsed and indexed by
// the ingest job. Status moves QUEUED → PARSING → INDEXING → READY, or FAILED with the reason.

export const DOCUMENT_SELECT = {
  id: true,
  title: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  status: true,
  progress: true,
  error: true,
  enabled: true,
  chunkCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function createDocument(
  tenantId: string,
  userId: string | null,
  file: { name: string; type: string; bytes: Buffer },
) {
  if (file.bytes.length === 0) throw new AppError("BAD_REQUEST", "The file is empty", "file");
  if (file.bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
      "file",
    );
  }
  // no path separators or control characters in stored names
  const safe = [...file.name.normalize("NFC")].map((c) =>
    c === "/" || c === "\\" || c.charCodeAt(0) < 32 ? "_" : c,
  );
  const name = safe.join("").slice(0, 255) || "document";
  const client = await db();
  return client.knowledgeDocument.create({
    data: {
      tenantId,
      title: name.replace(/\.[^.]+$/, "") || name,
      fileName: name,
      mimeType: file.type.slice(0, 100) || null,
      sizeBytes: file.bytes.length,
      checksum: createHash("sha256").update(file.bytes).digest("hex"),
      content: new Uint8Array(file.bytes),
      createdById: userId,
    },
    select: DOCUMENT_SELECT,
  });
}

export const ZListDocumentsInput = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export async function listDocuments(tenantId: string, input: z.infer<typeof ZListDocumentsInput>) {
  const client = await db();
  const where = {
    tenantId,
    ...(input.search ? { title: { contains: input.search, mode: "insensitive" as const } } : {}),
  };
  const [rows, total] = await Promise.all([
    client.knowledgeDocument.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: DOCUMENT_SELECT,
    }),
    client.knowledgeDocument.count({ where }),
  ]);
  return { ...cursorPage(rows, input.limit), total };
}

export async function getDocument(tenantId: string, id: string) {
  const client = await db();
  const doc = await client.knowledgeDocument.findFirst({ where: { id, tenantId }, select: DOCUMENT_SELECT });
  if (!doc) throw notFound("Document");
  return doc;
}

export async function listDocumentChunks(tenantId: string, documentId: string) {
  const client = await db();
  const doc = await client.knowledgeDocument.findFirst({
    where: { id: documentId, tenantId },
    select: { id: true },
  });
  if (!doc) throw notFound("Document");
  return client.knowledgeChunk.findMany({
    where: { tenantId, documentId },
    orderBy: { ordinal: "asc" },
    select: { id: true, ordinal: true, heading: true, content: true, tokenCount: true, enabled: true },
  });
}

export async function setDocumentEnabled(tenantId: string, id: string, enabled: boolean) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const res = await tx.knowledgeDocument.updateMany({ where: { id, tenantId }, data: { enabled } });
    if (res.count === 0) throw notFound("Document");
    await setChunksEnabled(tx, tenantId, { documentId: id }, enabled);
    return { ok: true as const };
  });
}

export async function deleteDocument(tenantId: string, id: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    await deleteChunks(tx, tenantId, { documentId: id }); // not by cascade: the statistics follow
    const res = await tx.knowledgeDocument.deleteMany({ where: { id, tenantId } });
    if (res.count === 0) throw notFound("Document");
    return { ok: true as const };
  });
}

/** Puts a document back in the queue (re-index); the caller emits the ingest event. */
export async function requeueDocument(tenantId: string, id: string) {
  const client = await db();
  const res = await client.knowledgeDocument.updateMany({
    where: { id, tenantId },
    data: { status: "QUEUED", progress: 0, error: null },
  });
  if (res.count === 0) throw notFound("Document");
  return { ok: true as const };
}
