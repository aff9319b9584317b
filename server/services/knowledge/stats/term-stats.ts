import { db } from "../../../db/client";
import { logger } from "../../../logging";

// Corpus statistics of a tenant's keyword index for BM25: how many enabled chunks contain each term
// (document frequency, the idf) and the average chunk length. They are derived data, rebuilt whole
// from the generated tsvector with ts_stat after indexing; between a write and the next rebuild a
// new term simply counts as rare, which is what a new term usually is.

export type TTermStats = { chunkCount: number; avgLength: number; df: Map<string, number> };

export async function refreshTermStats(tenantId: string): Promise<{ terms: number; chunks: number }> {
  const client = await db();
  return client.$transaction(async (tx) => {
    // one writer per tenant at a time; a concurrent refresh waits and then rebuilds from fresh data
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`kefu-term-stats:${tenantId}`}))`;
    const [{ count, avg }] = await tx.$queryRaw<{ count: number; avg: number | null }[]>`
      SELECT count(*)::int AS count,
        avg(array_length(regexp_split_to_array(NULLIF("searchText", ''), ' '), 1))::float8 AS avg
      FROM "KnowledgeChunk" WHERE "tenantId" = ${tenantId} AND enabled`;
    await tx.knowledgeTermStat.deleteMany({ where: { tenantId } });
    // ts_stat takes a query text: the tenant id is quoted with quote_literal, never concatenated raw
    const terms = await tx.$executeRaw`
      INSERT INTO "KnowledgeTermStat" ("tenantId", term, df)
      SELECT ${tenantId}, word, ndoc FROM ts_stat(
        'SELECT tsv FROM "KnowledgeChunk" WHERE enabled AND "tenantId" = ' || quote_literal(${tenantId}::text))`;
    await tx.knowledgeStats.upsert({
      where: { tenantId },
      create: { tenantId, chunkCount: count, avgLength: avg ?? 0 },
      update: { chunkCount: count, avgLength: avg ?? 0, refreshedAt: new Date() },
    });
    return { terms, chunks: count };
  });
}

export async function loadTermStats(tenantId: string, terms: string[]): Promise<TTermStats | null> {
  const client = await db();
  const stats = await client.knowledgeStats.findUnique({ where: { tenantId } });
  if (!stats) return null;
  const rows = terms.length
    ? await client.knowledgeTermStat.findMany({
        where: { tenantId, term: { in: [...new Set(terms)] } },
        select: { term: true, df: true },
      })
    : [];
  return {
    chunkCount: stats.chunkCount,
    avgLength: stats.avgLength,
    df: new Map(rows.map((r) => [r.term, r.df])),
  };
}

const DEBOUNCE_MS = 1500;
const KEY = Symbol.for("kefu.term-stats-timers");
type G = typeof globalThis & { [KEY]?: Map<string, NodeJS.Timeout> };

/**
 * Rebuilds the statistics shortly after a burst of edits (one rebuild per burst and tenant). Not
 * durable on purpose: the statistics are derived, every indexing job also rebuilds them, and search
 * works (slightly less well) while they are stale.
 */
export function requestTermStatsRefresh(tenantId: string): void {
  const timers = ((globalThis as G)[KEY] ??= new Map());
  clearTimeout(timers.get(tenantId));
  const timer = setTimeout(() => {
    timers.delete(tenantId);
    refreshTermStats(tenantId).catch((err: unknown) =>
      logger().warn({ err, tenantId }, "term statistics refresh failed"),
    );
  }, DEBOUNCE_MS);
  timer.unref();
  timers.set(tenantId, timer);
}
