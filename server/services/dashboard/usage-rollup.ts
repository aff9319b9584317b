import { db } from "../../db/client";
import { addDays, localDay, tenantTimezone } from "./tenant-timezone";

// UsageRecord → UsageDaily, one row per tenant, local day (the tenant's time zone), provider, model
// and purpose. Each listed day is recomputed whole (delete + insert in one transaction, serialised per
// tenant), so reruns are idempotent. The hourly job recomputes yesterday and today; the overview reads
// those two days live from UsageRecord, so the hour between ticks is never missing.

export async function rebuildUsageDaily(tenantId: string, fromDay: string, toDay: string): Promise<void> {
  const tz = await tenantTimezone(tenantId);
  const client = await db();
  const endDay = addDays(toDay, 1);
  await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dashboard-usage:${tenantId}`}))`;
      await tx.$executeRaw`
        DELETE FROM "UsageDaily"
        WHERE "tenantId" = ${tenantId} AND day >= ${fromDay}::date AND day <= ${toDay}::date`;
      await tx.$executeRaw`
        INSERT INTO "UsageDaily"
          (id, "tenantId", day, provider, model, purpose, requests, failures, "tokensIn", "tokensOut", "costMicros")
        SELECT gen_random_uuid()::text, ${tenantId},
          (("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS d, provider, model, purpose,
          count(*)::int, (count(*) FILTER (WHERE NOT ok))::int, sum("tokensIn")::int, sum("tokensOut")::int,
          sum("costMicros")::bigint
        FROM "UsageRecord"
        -- local midnights of fromDay and of the day after toDay, as Prisma's naive UTC timestamps
        WHERE "tenantId" = ${tenantId}
          AND "createdAt" >= ((${fromDay}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
          AND "createdAt" < ((${endDay}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC'
        GROUP BY d, provider, model, purpose
        ON CONFLICT ("tenantId", day, provider, model, purpose) DO UPDATE SET
          requests = EXCLUDED.requests, failures = EXCLUDED.failures, "tokensIn" = EXCLUDED."tokensIn",
          "tokensOut" = EXCLUDED."tokensOut", "costMicros" = EXCLUDED."costMicros"`;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}

/** the hourly job: yesterday and today in the tenant's zone */
export async function rollUpRecentUsage(tenantId: string, now = new Date()): Promise<{ days: string[] }> {
  const today = localDay(now, await tenantTimezone(tenantId));
  const yesterday = addDays(today, -1);
  await rebuildUsageDaily(tenantId, yesterday, today);
  return { days: [yesterday, today] };
}
