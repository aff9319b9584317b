import { db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { publishLive } from "../../realtime/live-events";
import type { TPresence } from "./workbench-schemas";

// Agent presence (Membership.presence): chosen by the agent, kept fresh by the workbench socket's
// heartbeat (presenceUpdatedAt), and set OFFLINE when no heartbeat arrived for a while — so a closed
// laptop does not leave an agent "online" in the transfer list.

export const PRESENCE_TIMEOUT_MS = 90_000;

export async function setPresence(
  tenantId: string,
  userId: string,
  presence: TPresence,
): Promise<{ ok: true }> {
  const client = await db();
  await client.membership.updateMany({
    where: { tenantId, userId },
    data: { presence, presenceUpdatedAt: new Date() },
  });
  await publishLive({ type: "presence", tenantId, userId, presence });
  return { ok: true };
}

/** A heartbeat: refreshes presenceUpdatedAt, and an OFFLINE member becomes ONLINE (one who chose BUSY/AWAY keeps it). */
export async function touchPresence(tenantId: string, userId: string, now = new Date()): Promise<void> {
  const client = await db();
  await client.membership.updateMany({ where: { tenantId, userId }, data: { presenceUpdatedAt: now } });
  const woke = await client.membership.updateMany({
    where: { tenantId, userId, presence: "OFFLINE" },
    data: { presence: "ONLINE", presenceUpdatedAt: now },
  });
  if (woke.count) await publishLive({ type: "presence", tenantId, userId, presence: "ONLINE" });
}

/** Sets one member OFFLINE unless a heartbeat (from any instance) came within the timeout. */
export async function expirePresence(
  tenantId: string,
  userId: string,
  staleAfterMs = PRESENCE_TIMEOUT_MS,
  now = new Date(),
): Promise<boolean> {
  const client = await db();
  const res = await client.membership.updateMany({
    where: {
      tenantId,
      userId,
      presence: { not: "OFFLINE" },
      OR: [
        { presenceUpdatedAt: null },
        { presenceUpdatedAt: { lt: new Date(now.getTime() - staleAfterMs) } },
      ],
    },
    data: { presence: "OFFLINE" },
  });
  if (res.count) await publishLive({ type: "presence", tenantId, userId, presence: "OFFLINE" });
  return res.count > 0;
}

/**
 * Every member whose heartbeats stopped (e.g. an instance crashed with their socket) goes OFFLINE;
 * all tenants at once, for the gateway's periodic sweep. Returns how many changed.
 */
export async function expireStalePresence(now = new Date()): Promise<number> {
  const client = await db();
  const cutoff = new Date(now.getTime() - PRESENCE_TIMEOUT_MS);
  const rows = await client.$queryRaw<{ tenantId: string; userId: string }[]>(Prisma.sql`
    UPDATE "Membership" SET presence = 'OFFLINE'
    WHERE presence <> 'OFFLINE' AND ("presenceUpdatedAt" IS NULL OR "presenceUpdatedAt" < ${cutoff})
    RETURNING "tenantId", "userId"`);
  for (const r of rows)
    await publishLive({ type: "presence", tenantId: r.tenantId, userId: r.userId, presence: "OFFLINE" });
  return rows.length;
}
