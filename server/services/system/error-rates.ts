import { db } from "../../db/client";

// Failures of the two things that talk to the outside world: provider (LLM/embedding) calls, from
// UsageRecord.ok, and outbound deliveries to the channel, from Message.deliveryStatus (only SENT and
// FAILED count: a PENDING delivery has no outcome yet). The system page and the ERROR_RATE alert
// both read these numbers, so they always agree.

export type TFailureCounts = {
  calls: number;
  callFailures: number;
  deliveries: number;
  deliveryFailures: number;
};

export async function failureCounts(tenantId: string, since: Date): Promise<TFailureCounts> {
  const client = await db();
  const [row] = await client.$queryRaw<TFailureCounts[]>`
    SELECT
      (SELECT count(*) FROM "UsageRecord"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${since})::int AS "calls",
      (SELECT count(*) FROM "UsageRecord"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${since}
          AND NOT "ok")::int AS "callFailures",
      (SELECT count(*) FROM "Message"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${since}
          AND "deliveryStatus" IN ('SENT', 'FAILED'))::int AS "deliveries",
      (SELECT count(*) FROM "Message"
        WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${since}
          AND "deliveryStatus" = 'FAILED')::int AS "deliveryFailures"`;
  return {
    calls: Number(row?.calls ?? 0),
    callFailures: Number(row?.callFailures ?? 0),
    deliveries: Number(row?.deliveries ?? 0),
    deliveryFailures: Number(row?.deliveryFailures ?? 0),
  };
}

/** failed share of all calls and deliveries in percent, or null when nothing happened */
export function errorRatePercent(c: TFailureCounts): number | null {
  const total = c.calls + c.deliveries;
  if (total === 0) return null;
  return ((c.callFailures + c.deliveryFailures) / total) * 100;
}
