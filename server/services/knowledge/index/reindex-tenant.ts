import { db } from "../../../db/client";
import { Prisma as P } from "../../../db/generated/prisma/client";
import { embedLocal, LOCAL_EMBEDDING_DIM, LOCAL_EMBEDDING_MODEL } from "../embedding/local-embedder";
import { embedQaLocal, vectorLiteral } from "./qa-embedding";
import { searchText } from "./search-terms";
import { rebuildTermStats } from "../stats/term-stats";
import { loadTenantLexicon } from "./tenant-lexicon";

// Recomputes every chunk's keyword terms and embedding for a tenant (after its dictionary or synonyms
// changed, or the embedder did), in batches so a large knowledge base never holds one long
// transaction. Returns how many chunks were rewritten.

const BATCH = 500;

export async function reindexTenant(tenantId: string, onProgress?: (done: number) => void): Promise<number> {
  const client = await db();
  const lexicon = await loadTenantLexicon(tenantId);
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
    const rows = chunks.map((c) => {
      const qa = c.qaPair;
      const text = qa ? null : [c.heading, c.content].filter(Boolean).join("\n");
      return P.sql`(${c.id}, ${
        qa
          ? searchText([{ text: qa.question, repeat: 2 }, { text: qa.answer }], lexicon)
          : searchText([{ text: text! }], lexicon)
      }, ${vectorLiteral(qa ? embedQaLocal(qa.question, qa.answer, lexicon) : embedLocal(text!, lexicon))})`;
    });
    await client.$executeRaw`
      UPDATE "KnowledgeChunk" AS c SET "searchText" = v.st, embedding = v.emb::vector,
        "embeddingDim" = ${LOCAL_EMBEDDING_DIM}, "embeddingModel" = ${LOCAL_EMBEDDING_MODEL}, "updatedAt" = now()
      FROM (VALUES ${P.join(rows)}) AS v(id, st, emb)
      WHERE c.id = v.id AND c."tenantId" = ${tenantId}`;
    done += chunks.length;
    onProgress?.(done);
    cursor = chunks[chunks.length - 1].id;
  }
}
