import { db, rawQuery } from "../../../db/client";
import { Prisma } from "../../../db/generated/prisma/client";

// Corpus statistics of a tenant's keyword index for BM25: how many enabled chunks contain each term
// (document frequency, the idf) and how many chunks and terms there are (the average length). They
// are adjusted in the same transaction as every chunk write (see chunk-writes.ts), so they are exact
// at any moment without a full scan; a re-index rebuilds them whole.

export type TTermStats = {
  chunkCount: number;
  avgLength: number;
  df: Map<string, number>;
  /** changes with every write to the tenant's chunks or Q&A pairs ("" before the first one) */
  version?: string;
};
type TTx = Prisma.TransactionClient;

const statsLockKey = (tenantId: string) => `kefu-term-stats:${tenantId}`;

function terms(searchText: string): string[] {
  return searchText ? searchText.split(" ").filter(Boolean) : [];
}

/** Adds (sign 1) or removes (sign -1) enabled chunks' terms to or from the statistics. */
export async function adjustTermStats(
  tx: TTx,
  tenantId: string,
  searchTexts: string[],
  sign: 1 | -1,
): Promise<void> {
  if (!searchTexts.length) return;
  // One writer of a tenant's statistics at a time, until its transaction ends: a transaction that
  // removes old terms and later adds new ones (an update) could otherwise deadlock with another
  // (concurrent import batches). Other chunk work of both transactions still runs in parallel.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${statsLockKey(tenantId)}))`;
  const df = new Map<string, number>();
  let termCount = 0;
  for (const text of searchTexts) {
    const list = terms(text);
    termCount += list.length;
    for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  // sorted, so concurrent writers lock rows in the same order and cannot deadlock
  const keys = [...df.keys()].sort();
  const deltas = keys.map((k) => sign * df.get(k)!);
  for (let i = 0; i < keys.length; i += 5000) {
    const k = keys.slice(i, i + 5000);
    const d = deltas.slice(i, i + 5000);
    await tx.$executeRaw`
      INSERT INTO "KnowledgeTermStat" ("tenantId", term, df)
      SELECT ${tenantId}, x.t, x.d FROM unnest(${k}::text[], ${d}::int[]) AS x(t, d) ORDER BY x.t
      ON CONFLICT ("tenantId", term) DO UPDATE SET df = "KnowledgeTermStat".df + EXCLUDED.df`;
  }
  if (sign < 0)
    await tx.$executeRaw`DELETE FROM "KnowledgeTermStat" WHERE "tenantId" = ${tenantId} AND term = ANY(${keys}::text[]) AND df <= 0`;
  await tx.$executeRaw`
    INSERT INTO "KnowledgeStats" ("tenantId", "chunkCount", "termCount", version, "updatedAt")
    VALUES (${tenantId}, ${sign * searchTexts.length}, ${sign * termCount}, gen_random_uuid()::text, now())
    ON CONFLICT ("tenantId") DO UPDATE SET
      "chunkCount" = GREATEST(0, "KnowledgeStats"."chunkCount" + EXCLUDED."chunkCount"),
      "termCount" = GREATEST(0, "KnowledgeStats"."termCount" + EXCLUDED."termCount"),
      version = EXCLUDED.version,
      "updatedAt" = now()`;
}

/** Recomputes the statistics from the chunks (after a re-index rewrote every chunk's terms). */
export async function rebuildTermStats(tenantId: string): Promise<{ terms: number; chunks: number }> {
  const client = await db();
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${statsLockKey(tenantId)}))`;
      await tx.knowledgeTermStat.deleteMany({ where: { tenantId } });
      await tx.knowledgeStats.deleteMany({ where: { tenantId } });
      let cursor: string | undefined;
      let chunks = 0;
      for (;;) {
        const rows = await tx.knowledgeChunk.findMany({
          where: { tenantId, enabled: true },
          orderBy: { id: "asc" },
          take: 2000,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
          select: { id: true, searchText: true },
        });
        if (!rows.length) break;
        await adjustTermStats(
          tx,
          tenantId,
          rows.map((r) => r.searchText),
          1,
        );
        chunks += rows.length;
        cursor = rows[rows.length - 1].id;
      }
      const termCount = await tx.knowledgeTermStat.count({ where: { tenantId } });
      return { terms: termCount, chunks };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** The tenant's corpus size and the document frequencies of the query's terms, in one statement. */
export async function loadTermStats(tenantId: string, queryTerms: string[]): Promise<TTermStats | null> {
  const rows = await rawQuery<{
    chunkCount: number;
    termCount: bigint | number;
    df: Record<string, number> | null;
    version: string;
  }>(
    Prisma.sql`
    SELECT s."chunkCount", s."termCount", s.version,
      (SELECT json_object_agg(t.term, t.df) FROM "KnowledgeTermStat" t
        WHERE t."tenantId" = s."tenantId" AND t.term = ANY(${[...new Set(queryTerms)]}::text[])) AS df
    FROM "KnowledgeStats" s WHERE s."tenantId" = ${tenantId}`,
  );
  const stats = rows[0];
  if (!stats || stats.chunkCount <= 0) return null;
  return {
    chunkCount: stats.chunkCount,
    avgLength: Number(stats.termCount) / stats.chunkCount,
    df: new Map(Object.entries(stats.df ?? {})),
    version: stats.version,
  };
}
