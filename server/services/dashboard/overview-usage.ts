import { db } from "../../db/client";
import type { TRange } from "./overview-range";

// Tokens and cost from UsageDaily (the tenant's local days), except yesterday and today, which are
// read from UsageRecord: the hourly usage job may not have caught up with them. Usage is per provider,
// not per channel, so the overview's channel filter does not apply here.

type TRow = {
  day: string;
  provider: string;
  model: string;
  requests: number;
  failures: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: bigint | number;
};

async function usageRows(tenantId: string, range: TRange): Promise<TRow[]> {
  const client = await db();
  const tz = range.timezone;
  const liveDay = range.liveUsageDay;
  return client.$queryRaw<TRow[]>`
    SELECT day, provider, model, sum(requests)::int AS requests, sum(failures)::int AS failures,
      sum("tokensIn")::bigint::float8 AS "tokensIn", sum("tokensOut")::bigint::float8 AS "tokensOut",
      sum("costMicros")::bigint AS "costMicros"
    FROM (
      SELECT to_char(day, 'YYYY-MM-DD') AS day, provider, model, requests, failures, "tokensIn",
        "tokensOut", "costMicros"
      FROM "UsageDaily"
      WHERE "tenantId" = ${tenantId} AND day >= ${range.from}::date AND day <= ${range.to}::date
        AND day < ${liveDay}::date
      UNION ALL
      SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD'), provider, model,
        1, CASE WHEN ok THEN 0 ELSE 1 END, "tokensIn", "tokensOut", "costMicros"
      FROM "UsageRecord"
      WHERE "tenantId" = ${tenantId}
        AND "createdAt" >= greatest(
          (${range.start.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
          ((${liveDay}::date)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC')
        AND "createdAt" < (${range.end.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    ) u
    GROUP BY day, provider, model
    ORDER BY day, provider, model`;
}

export async function getUsage(tenantId: string, range: TRange) {
  const rows = await usageRows(tenantId, range);
  const series = new Map<
    string,
    { day: string; provider: string; tokensIn: number; tokensOut: number; costMicros: number }
  >();
  const byProvider = new Map<
    string,
    {
      provider: string;
      model: string;
      requests: number;
      failures: number;
      tokens: number;
      costMicros: number;
    }
  >();
  let tokens = 0;
  let costMicros = 0;
  for (const r of rows) {
    const cost = Number(r.costMicros);
    const tin = Number(r.tokensIn);
    const tout = Number(r.tokensOut);
    tokens += tin + tout;
    costMicros += cost;
    const sk = `${r.day}\u0000${r.provider}`;
    const s = series.get(sk) ?? {
      day: r.day,
      provider: r.provider,
      tokensIn: 0,
      tokensOut: 0,
      costMicros: 0,
    };
    s.tokensIn += tin;
    s.tokensOut += tout;
    s.costMicros += cost;
    series.set(sk, s);
    const pk = `${r.provider}\u0000${r.model}`;
    const p = byProvider.get(pk) ?? {
      provider: r.provider,
      model: r.model,
      requests: 0,
      failures: 0,
      tokens: 0,
      costMicros: 0,
    };
    p.requests += r.requests;
    p.failures += r.failures;
    p.tokens += tin + tout;
    p.costMicros += cost;
    byProvider.set(pk, p);
  }
  return {
    tokens,
    costMicros,
    usageSeries: [...series.values()],
    usageByProvider: [...byProvider.values()].sort(
      (a, b) => b.costMicros - a.costMicros || b.tokens - a.tokens,
    ),
  };
}
