import { db } from "../../db/client";

// What the app shows: open alerts first, then those resolved in the last 7 days; and the open count
// for the badge in the navigation (one indexed count).

const RECENT_MS = 7 * 24 * 3600_000;

export type TAlertEventView = {
  id: string;
  kind: string;
  message: string;
  value: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

const SELECT = { id: true, kind: true, message: true, value: true, createdAt: true, resolvedAt: true };

export async function listAlertEvents(tenantId: string, now = new Date()) {
  const client = await db();
  const [open, resolved] = await Promise.all([
    client.alertEvent.findMany({
      where: { tenantId, resolvedAt: null },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: SELECT,
    }),
    client.alertEvent.findMany({
      where: { tenantId, resolvedAt: { gte: new Date(now.getTime() - RECENT_MS) } },
      orderBy: { resolvedAt: "desc" },
      take: 20,
      select: SELECT,
    }),
  ]);
  return { open, resolved };
}

export async function openAlertCount(tenantId: string): Promise<number> {
  const client = await db();
  return client.alertEvent.count({ where: { tenantId, resolvedAt: null } });
}
