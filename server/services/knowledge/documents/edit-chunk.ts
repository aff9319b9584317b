import { z } from "zod";
import { db } from "../../../db/client";
import { AppError, notFound } from "../../../errors";
import { tenantEmbedder } from "../embedding/tenant-embedder";
import { documentChunkEmbedText, documentChunkSearchText } from "../index/document-chunk-text";
import { loadTenantLexicon } from "../index/tenant-lexicon";
import { rewriteDocumentChunk } from "../index/write-chunks";
import { setChunksEnabled } from "../stats/chunk-writes";
import { estimateTokens } from "./tokens";

// Editing one chunk of a document (the knowledge-base editor). A text edit re-indexes the chunk in
// place — keyword terms with the tenant's lexicon, embedding with the tenant's embedder, token count,
// BM25 statistics — in one transaction. Edits live on the chunk only: re-indexing the document
// re-parses its file and replaces every chunk, so they are lost then (the UI says so).

export const MAX_CHUNK_CHARS = 8000;

export const ZUpdateChunkInput = z.object({
  chunkId: z.string().uuid(),
  content: z
    .string()
    .trim()
    .min(1, "The chunk text cannot be empty")
    .max(MAX_CHUNK_CHARS, `The chunk text is longer than ${MAX_CHUNK_CHARS} characters`)
    .optional(),
  /** empty or null removes the heading */
  heading: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional(),
});

const CHUNK_SELECT = {
  id: true,
  ordinal: true,
  heading: true,
  content: true,
  tokenCount: true,
  enabled: true,
} as const;

export async function updateDocumentChunk(tenantId: string, input: z.infer<typeof ZUpdateChunkInput>) {
  const { chunkId } = input;
  if (input.content === undefined && input.heading === undefined && input.enabled === undefined)
    throw new AppError("BAD_REQUEST", "Nothing to change");
  const client = await db();
  // document chunks only: a Q&A pair's chunk is edited through the pair
  const where = { id: chunkId, tenantId, documentId: { not: null } };
  const current = await client.knowledgeChunk.findFirst({
    where,
    select: { heading: true, content: true, enabled: true, document: { select: { enabled: true } } },
  });
  if (!current) throw notFound("Chunk");
  if (input.enabled && !current.document?.enabled)
    throw new AppError("BAD_REQUEST", "The document is disabled; enable the document first", "enabled");

  const heading = input.heading === undefined ? current.heading : input.heading || null;
  const content = input.content ?? current.content;
  const enabled = input.enabled ?? current.enabled;
  if (heading === current.heading && content === current.content) {
    if (enabled !== current.enabled)
      await client.$transaction((tx) => setChunksEnabled(tx, tenantId, { chunkId }, enabled));
  } else {
    // the embedding may be an HTTP call: made before the transaction, not inside it
    const [lexicon, embedder] = await Promise.all([loadTenantLexicon(tenantId), tenantEmbedder(tenantId)]);
    const embedded = await embedder.embed([documentChunkEmbedText({ heading, content })], lexicon);
    const found = await client.$transaction((tx) =>
      rewriteDocumentChunk(tx, tenantId, chunkId, {
        heading,
        content,
        searchText: documentChunkSearchText({ heading, content }, lexicon),
        embedding: embedded.vectors[0],
        embeddingModel: embedded.model,
        tokenCount: estimateTokens(content),
        enabled,
      }),
    );
    if (!found) throw notFound("Chunk"); // deleted (or its document re-indexed) meanwhile
  }
  const row = await client.knowledgeChunk.findFirst({ where, select: CHUNK_SELECT });
  if (!row) throw notFound("Chunk");
  return row;
}
