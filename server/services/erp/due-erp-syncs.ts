import { db } from "../../db/client";
import type { TErpSchedule } from "./erp-connection-schemas";

// Which scheduled connections are due: enabled, with credentials, and whose last attempt (the newest
// sync run, or lastSyncAt) is at least one interval ago. Counting failed attempts too keeps a broken
// connection from being retried every tick (a 智邦 user locks after three bad logins).

export const SCHEDULE_INTERVAL_MS: Record<Exclude<TErpSchedule, "off">, number> = {
  hourly: 3600_000,
  daily: 24 * 3600_000,
};

export async function dueErpSyncs(now: Date): Promise<{ tenantId: string; connectionId: string }[]> {
  const client = await db();
  const rows = await client.erpConnection.findMany({
    where: {
      enabled: true,
      schedule: { in: Object.keys(SCHEDULE_INTERVAL_MS) },
      credentialsEnc: { not: null },
    },
    select: {
      id: true,
      tenantId: true,
      schedule: true,
      lastSyncAt: true,
      runs: { orderBy: { startedAt: "desc" }, take: 1, select: { startedAt: true } },
    },
  });
  return rows
    .filter((r) => {
      const interval = SCHEDULE_INTERVAL_MS[r.schedule as keyof typeof SCHEDULE_INTERVAL_MS];
      const last = Math.max(r.lastSyncAt?.getTime() ?? 0, r.runs[0]?.startedAt.getTime() ?? 0);
      return last + interval <= now.getTime();
    })
    .map((r) => ({ tenantId: r.tenantId, connectionId: r.id }));
}
