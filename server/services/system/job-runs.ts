import { db } from "../../db/client";

// Per background job (JobRun.functionId) of one tenant: the latest run, failures in the last 24 h and
// the latest failure's error. Runs without a tenant (schedule ticks) are not shown to tenants.

export type TJobSummary = {
  functionId: string;
  lastStatus: string;
  lastStartedAt: Date;
  lastFinishedAt: Date | null;
  runs24h: number;
  failures24h: number;
  lastError: string | null;
  lastErrorAt: Date | null;
};

export async function jobSummaries(tenantId: string, now: Date): Promise<TJobSummary[]> {
  const client = await db();
  const since = new Date(now.getTime() - 24 * 3600_000);
  const rows = await client.$queryRaw<TJobSummary[]>`
    WITH latest AS (
      SELECT DISTINCT ON ("functionId") "functionId", "status", "startedAt", "finishedAt"
      FROM "JobRun" WHERE "tenantId" = ${tenantId}
      ORDER BY "functionId", "startedAt" DESC
    ), failed AS (
      SELECT DISTINCT ON ("functionId") "functionId", "error", "startedAt"
      FROM "JobRun" WHERE "tenantId" = ${tenantId} AND "status" = 'FAILED'
      ORDER BY "functionId", "startedAt" DESC
    ), recent AS (
      SELECT "functionId", count(*)::int AS "runs",
        count(*) FILTER (WHERE "status" = 'FAILED')::int AS "failures"
      FROM "JobRun" WHERE "tenantId" = ${tenantId} AND "startedAt" >= ${since}
      GROUP BY "functionId"
    )
    SELECT l."functionId", l."status" AS "lastStatus", l."startedAt" AS "lastStartedAt",
      l."finishedAt" AS "lastFinishedAt", COALESCE(r."runs", 0)::int AS "runs24h",
      COALESCE(r."failures", 0)::int AS "failures24h", f."error" AS "lastError", f."startedAt" AS "lastErrorAt"
    FROM latest l
    LEFT JOIN failed f ON f."functionId" = l."functionId"
    LEFT JOIN recent r ON r."functionId" = l."functionId"
    ORDER BY COALESCE(r."failures", 0) DESC, l."startedAt" DESC`;
  return rows.map((r) => ({
    ...r,
    runs24h: Number(r.runs24h),
    failures24h: Number(r.failures24h),
    lastError: r.lastError ? r.lastError.slice(0, 500) : null,
  }));
}
