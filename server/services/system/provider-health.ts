import { db } from "../../db/client";

// Each configured AI provider with its own numbers over the last 24 h (UsageRecord rows that name it):
// calls, failures, latency p50/p95 of calls that reported one, plus the failover state the provider
// chain keeps on the row (consecutive failures, cooling down until).

export type TProviderHealth = {
  id: string;
  name: string;
  kind: string;
  purpose: string;
  model: string;
  enabled: boolean;
  failureCount: number;
  cooldownUntil: Date | null;
  lastError: string | null;
  calls24h: number;
  failures24h: number;
  errorRate24h: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
};

type TStatsRow = {
  providerId: string;
  calls: number;
  failures: number;
  p50: number | null;
  p95: number | null;
};

export async function providerHealth(tenantId: string, now: Date): Promise<TProviderHealth[]> {
  const client = await db();
  const since = new Date(now.getTime() - 24 * 3600_000);
  const providers = await client.aiProvider.findMany({
    where: { tenantId },
    orderBy: [{ purpose: "asc" }, { position: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      purpose: true,
      model: true,
      enabled: true,
      failureCount: true,
      cooldownUntil: true,
      lastError: true,
    },
  });
  const stats = await client.$queryRaw<TStatsRow[]>`
    SELECT "providerId", count(*)::int AS "calls", count(*) FILTER (WHERE NOT "ok")::int AS "failures",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS "p50",
      percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS "p95"
    FROM "UsageRecord"
    WHERE "tenantId" = ${tenantId} AND "providerId" IS NOT NULL AND "createdAt" >= ${since}
    GROUP BY "providerId"`;
  const byId = new Map(stats.map((s) => [s.providerId, s]));
  return providers.map((p) => {
    const s = byId.get(p.id);
    const calls = Number(s?.calls ?? 0);
    const failures = Number(s?.failures ?? 0);
    return {
      ...p,
      // a past cooldown means nothing any more
      cooldownUntil: p.cooldownUntil && p.cooldownUntil > now ? p.cooldownUntil : null,
      lastError: p.lastError ? p.lastError.slice(0, 300) : null,
      calls24h: calls,
      failures24h: failures,
      errorRate24h: calls ? (failures / calls) * 100 : null,
      p50Ms: s?.p50 == null ? null : Math.round(Number(s.p50)),
      p95Ms: s?.p95 == null ? null : Math.round(Number(s.p95)),
    };
  });
}
