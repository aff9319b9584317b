import { db } from "../../db/client";
import { ingestDocument } from "../knowledge/documents/ingest-document";
import { createDocument } from "../knowledge/documents/manage-documents";
import { upsertQaPairs } from "../knowledge/qa/upsert-qa-pairs";
import { DEMO_DOCUMENTS } from "./data/documents";
import { DEMO_QA, type TDemoQa } from "./data/qa-pairs";

// The knowledge base goes in through the real services (Q&A upsert; document upload + ingest), so
// chunks, local embeddings and BM25 term statistics are exactly what the web UI would have made.

export type TDemoKnowledge = {
  /** each FAQ pair with the id of its one chunk, which bot answers cite as evidence */
  pairs: { qa: TDemoQa; qaPairId: string; chunkId: string }[];
  documentChunkIds: string[];
};

export async function seedDemoKnowledge(tenantId: string, ownerId: string): Promise<TDemoKnowledge> {
  await upsertQaPairs(
    tenantId,
    DEMO_QA.map((q) => ({
      externalId: q.externalId,
      question: q.question,
      answer: q.answer,
      topic: q.topic,
      category: q.category,
    })),
    { source: "IMPORT", createdById: ownerId },
  );
  for (const doc of DEMO_DOCUMENTS) {
    const created = await createDocument(tenantId, ownerId, {
      name: doc.fileName,
      type: "text/markdown",
      bytes: Buffer.from(doc.content, "utf8"),
    });
    const res = await ingestDocument(tenantId, created.id);
    if (res.status !== "READY") throw new Error(`The demo document ${doc.fileName} could not be indexed`);
  }
  const client = await db();
  const [pairs, docChunks] = await Promise.all([
    client.qaPair.findMany({
      where: { tenantId, externalId: { in: DEMO_QA.map((q) => q.externalId) } },
      select: { id: true, externalId: true, chunks: { select: { id: true }, take: 1 } },
    }),
    client.knowledgeChunk.findMany({ where: { tenantId, documentId: { not: null } }, select: { id: true } }),
  ]);
  const byExternal = new Map(pairs.map((p) => [p.externalId!, p]));
  return {
    pairs: DEMO_QA.map((qa) => {
      const p = byExternal.get(qa.externalId)!;
      return { qa, qaPairId: p.id, chunkId: p.chunks[0].id };
    }),
    documentChunkIds: docChunks.map((c) => c.id),
  };
}
