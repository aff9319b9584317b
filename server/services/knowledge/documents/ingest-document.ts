import { db } from "../../../db/client";
import { AppError } from "../../../errors";
import { logger } from "../../../logging";
import { tenantEmbedder } from "../embedding/tenant-embedder";
import { documentChunkEmbedText, documentChunkSearchText } from "../index/document-chunk-text";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { insertChunks } from "../index/write-chunks";
import { deleteChunks } from "../stats/chunk-writes";
import { chunkDocument } from "./chunk-document";
import { parseDocument } from "./parse-document";

// The work of the ingest job: parse the stored bytes, chunk by headings, embed, and replace the
// document's chunks in one transaction, reporting status and progress on the document row. A bad
// file ends as FAILED with the parser's message; other documents are not affected.

const BATCH = 200;

async function setStatus(
  tenantId: string,
  id: string,
  data: {
    status: "PARSING" | "INDEXING" | "READY" | "FAILED";
    progress: number;
    error?: string | null;
    chunkCount?: number;
  },
) {
  const client = await db();
  await client.knowledgeDocument.updateMany({ where: { id, tenantId }, data });
}

export async function ingestDocument(
  tenantId: string,
  documentId: string,
): Promise<{ status: "READY" | "FAILED"; chunks: number }> {
  const client = await db();
  const doc = await client.knowledgeDocument.findFirst({
    where: { id: documentId, tenantId },
    select: { fileName: true, title: true, content: true, enabled: true },
  });
  if (!doc?.content) return { status: "FAILED", chunks: 0 }; // deleted meanwhile: nothing to do
  try {
    await setStatus(tenantId, documentId, { status: "PARSING", progress: 10, error: null });
    const parsed = await parseDocument(doc.fileName ?? doc.title, Buffer.from(doc.content));
    const chunks = chunkDocument(parsed);
    await setStatus(tenantId, documentId, { status: "INDEXING", progress: 30 });
    const [lexicon, embedder] = await Promise.all([loadTenantLexicon(tenantId), tenantEmbedder(tenantId)]);
    const texts = chunks.map(documentChunkEmbedText);
    const embedded = await embedder.embed(texts, lexicon);
    const rows = chunks.map((c, k) => {
      return {
        tenantId,
        documentId,
        ordinal: c.ordinal,
        heading: c.heading,
        content: c.content,
        searchText: documentChunkSearchText(c, lexicon),
        embedding: embedded.vectors[k],
        embeddingModel: embedded.model,
        tokenCount: c.tokenCount,
        enabled: doc.enabled,
      };
    });
    await client.$transaction(
      async (tx) => {
        await deleteChunks(tx, tenantId, { documentId });
        for (let i = 0; i < rows.length; i += BATCH) await insertChunks(tx, rows.slice(i, i + BATCH));
        await tx.knowledgeDocument.updateMany({
          where: { id: documentId, tenantId },
          data: {
            status: "READY",
            progress: 100,
            chunkCount: rows.length,
            error: null,
            ...(parsed.title && doc.title === doc.fileName?.replace(/\.[^.]+$/, "")
              ? { title: parsed.title.slice(0, 200) }
              : {}),
          },
        });
      },
      { timeout: 300_000 },
    );
    return { status: "READY", chunks: rows.length };
  } catch (e) {
    const message = e instanceof AppError ? e.message : "The document could not be processed";
    if (!(e instanceof AppError)) logger().error({ err: e, tenantId, documentId }, "document ingest failed");
    await setStatus(tenantId, documentId, { status: "FAILED", progress: 100, error: message, chunkCount: 0 });
    return { status: "FAILED", chunks: 0 };
  }
}
