import { db } from "../../../db/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { tenantEmbedder } from "../embedding/tenant-embedder";
import { combineQaVectors, vectorLiteral } from "./qa-embedding";
import { sketchLiteral } from "./write-chunks";
import { searchText } from "./search-terms";
import { documentChunkEmbedText, documentChunkSearchText } from "./document-chunk-text";
import { rebuildTermStats } from "../stats/term-stats";
import { loadTenantLexicon } from "./tenant-lexicon";

// Recomputes every chunk's keyword terms and embedding for a tenant (after its dictionary or synonyms
// changed, or the embedder did), in batches so a large knowledge base never holds one long
// transaction. Returns how many chunks were rewritten.

const BATCH = 500;

export async function reindexTenant(tenantId: string, onProgress?: (done: number) => void): Promise<number> {
  const client = await db();
  const [lexicon, embedder] = await Promise.all([loadTenantLexicon(tenantId), tenantEmbedder(tenantId)]);
  let done = 0;
  let cursor: string | undefined;
  for (;;) {
    const chunks = await client.knowledgeChunk.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        content: true,
        heading: true,
        qaPair: { select: { question: true, answer: true } },
      },
    });
    if (!chunks.length) {
      await rebuildTermStats(tenantId);
      return done;
    }
    // one embedding call per batch: Q&A pairs send question and answer, document chunks their text
    const texts = chunks.flatMap((c) =>
      c.qaPair ? [c.qaPair.question, c.qaPair.answer] : [documentChunkEmbedText(c)],
    );
    const embedded = await embedder.embed(texts, lexicon);
    let next = 0;
    const rows = chunks.map((c) => {
      const qa = c.qaPair;
      const vector = qa
        ? combineQaVectors(embedded.vectors[next++], embedded.vectors[next++])
        : embedded.vectors[next++];
      const terms = qa
        ? searchText([{ text: qa.question, repeat: 2 }, { text: qa.answer }], lexicon)
        : documentChunkSearchText(c, lexicon);
      const sketch = sketchLiteral({ embedding: vector, embeddingModel: embedded.model });
      return P.sql`(${c.id}, ${terms}, ${vectorLiteral(vector)}, ${sketch}, ${vector.length}, ${embedded.model})`;
    });
    await client.$executeRaw`
      UPDATE "KnowledgeChunk" AS c SET "searchText" = v.st, embedding = v.emb::vector, sketch = v.sk::vector,
        "embeddingDim" = v.dim::int, "embeddingModel" = v.model, "updatedAt" = now()
      FROM (VALUES ${P.join(rows)}) AS v(id, st, emb, sk, dim, model)
      WHERE c.id = v.id AND c."tenantId" = ${tenantId}`;
    done += chunks.length;
    onProgress?.(done);
    cursor = chunks[chunks.length - 1].id;
  }
}
