import { db } from "../../db/client";
import { loadSlaSettings, slaStatus } from "../support-settings/sla-settings";
import { errorRatePercent, failureCounts } from "../system/error-rates";
import { ALERT_WINDOW_MS, ERROR_RATE_MIN_SAMPLE, type TAlertKind } from "./alert-kinds";
import { startOfDayIn } from "./start-of-day";

// One measurement per alert kind: the current value and whether it crosses the threshold. Pure reads;
// check-alerts.ts turns the results into opened and resolved AlertEvents.

export type TMeasurement = { kind: TAlertKind; firing: boolean; value: number | null; message: string };

const round1 = (n: number) => Math.round(n * 10) / 10;

async function errorRate(tenantId: string, threshold: number, now: Date): Promise<TMeasurement> {
  const c = await failureCounts(tenantId, new Date(now.getTime() - ALERT_WINDOW_MS));
  const rate = errorRatePercent(c);
  const enough = c.calls + c.deliveries >= ERROR_RATE_MIN_SAMPLE;
  const failed = c.callFailures + c.deliveryFailures;
  return {
    kind: "ERROR_RATE",
    firing: enough && rate !== null && rate >= threshold,
    value: rate === null ? null : round1(rate),
    message: `${failed} of ${c.calls + c.deliveries} provider calls and deliveries failed in the last 15 minutes`,
  };
}

async function slowResponse(tenantId: string, threshold: number, now: Date): Promise<TMeasurement> {
  const client = await db();
  const since = new Date(now.getTime() - ALERT_WINDOW_MS);
  const [row] = await client.$queryRaw<{ p95: number | null; n: number }[]>`
    SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS "p95", count(*)::int AS "n"
    FROM "Message"
    WHERE "tenantId" = ${tenantId} AND "role" = 'BOT' AND "latencyMs" IS NOT NULL AND "createdAt" >= ${since}`;
  const p95 = row?.p95 == null ? null : Math.round(Number(row.p95));
  return {
    kind: "SLOW_RESPONSE",
    firing: p95 !== null && p95 > threshold,
    value: p95,
    message: `Bot reply latency p95 ${p95 ?? "—"} ms over ${Number(row?.n ?? 0)} replies in the last 15 minutes`,
  };
}

async function tokenBudget(tenantId: string, threshold: number, now: Date, timeZone: string) {
  const client = await db();
  const since = startOfDayIn(timeZone, now);
  const agg = await client.usageRecord.aggregate({
    where: { tenantId, createdAt: { gte: since } },
    _sum: { tokensIn: true, tokensOut: true },
  });
  const tokens = (agg._sum.tokensIn ?? 0) + (agg._sum.tokensOut ?? 0);
  return {
    kind: "TOKEN_BUDGET" as const,
    firing: tokens > threshold,
    value: tokens,
    message: `${tokens} tokens used today (budget ${threshold})`,
  };
}

async function deviceOffline(tenantId: string, threshold: number, now: Date): Promise<TMeasurement> {
  const client = await db();
  const before = new Date(now.getTime() - threshold * 60_000);
  // a device that never sent a heartbeat counts from its pairing
  const devices = await client.device.findMany({
    where: {
      tenantId,
      revokedAt: null,
      OR: [{ lastHeartbeatAt: { lt: before } }, { lastHeartbeatAt: null, createdAt: { lt: before } }],
    },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return {
    kind: "DEVICE_OFFLINE",
    firing: devices.length > 0,
    value: devices.length,
    message: devices.map((d) => d.name).join(", "),
  };
}

async function waitingSla(tenantId: string, threshold: number, now: Date): Promise<TMeasurement> {
  const client = await db();
  const sla = await loadSlaSettings(tenantId);
  const waiting = await client.conversation.findMany({
    where: { tenantId, status: "PENDING_HUMAN", escalatedAt: { not: null }, firstResponseAt: null },
    select: { priority: true, escalatedAt: true, firstResponseAt: true },
  });
  const breached = waiting.filter((c) => slaStatus(c, sla, now).state === "breached").length;
  return {
    kind: "WAITING_SLA",
    firing: breached >= threshold,
    value: breached,
    message: `${breached} waiting conversations are past their first-response target`,
  };
}

export async function measureAlert(
  tenantId: string,
  kind: TAlertKind,
  threshold: number,
  now: Date,
  timeZone: string,
): Promise<TMeasurement> {
  switch (kind) {
    case "ERROR_RATE":
      return errorRate(tenantId, threshold, now);
    case "SLOW_RESPONSE":
      return slowResponse(tenantId, threshold, now);
    case "TOKEN_BUDGET":
      return tokenBudget(tenantId, threshold, now, timeZone);
    case "DEVICE_OFFLINE":
      return deviceOffline(tenantId, threshold, now);
    case "WAITING_SLA":
      return waitingSla(tenantId, threshold, now);
  }
}
