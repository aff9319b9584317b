import { db, rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { deviceBus, type DeviceBus, type TOutgoingSend } from "../../gateway/device-bus";

// Outgoing WeChat messages are Message rows (BOT, AGENT or SYSTEM) with deliveryStatus PENDING on a
// conversation bound to a device. The database is the outbox: the gateway sends what is pending (again after every
// reconnect, oldest first) and the agent's "sent" settles it.

/** The channel id of an inbound WeChat message: unique per tenant, so it is scoped by the device. */
export function wechatExternalId(deviceId: string, clientMessageId: string): string {
  return `wechat:${deviceId}:${clientMessageId}`;
}

const MAX_BATCH = 500;
/** what the customer reads in WeChat: the bot, the human agent, and system lines ("客服【…】已接入") */
const OUTGOING_ROLES: ("BOT" | "AGENT" | "SYSTEM")[] = ["BOT", "AGENT", "SYSTEM"];

export async function pendingSends(
  tenantId: string,
  deviceId: string,
  conversationId?: string,
): Promise<TOutgoingSend[]> {
  // one raw statement: every agent that connects asks (thousands at a server start)
  const only = conversationId ? Prisma.sql`AND m."conversationId" = ${conversationId}` : Prisma.empty;
  const rows = await rawQuery<{
    id: string;
    content: string;
    replyToId: string | null;
    replyExternalId: string | null;
    chatId: string | null;
    chatName: string | null;
    chatType: "PRIVATE" | "GROUP";
  }>(Prisma.sql`
    SELECT m.id, m.content, m."replyToId", r."externalId" AS "replyExternalId", v."chatId", v."chatName",
      v."chatType"
    FROM "Message" m
    JOIN "Conversation" v ON v.id = m."conversationId" AND v."tenantId" = ${tenantId} AND v."deviceId" = ${deviceId}
    LEFT JOIN "Message" r ON r.id = m."replyToId" AND r."tenantId" = ${tenantId}
    WHERE m."tenantId" = ${tenantId} AND m."deliveryStatus" = 'PENDING'
      AND m.role::text = ANY(${[...OUTGOING_ROLES]}::text[]) ${only}
    ORDER BY m."createdAt", m.id
    LIMIT ${MAX_BATCH}`);
  // the agent knows the customer's message by its own id: the part of our channel id after the prefix
  const prefix = wechatExternalId(deviceId, "");
  const clientId = (externalId: string | null) =>
    externalId?.startsWith(prefix) ? externalId.slice(prefix.length) : null;
  return rows
    .filter((r) => r.chatId && r.content.trim())
    .map((r) => ({
      type: "send" as const,
      id: r.id,
      chat: {
        id: r.chatId!,
        name: r.chatName ?? r.chatId!,
        type: r.chatType === "GROUP" ? ("group" as const) : ("private" as const),
      },
      text: r.content,
      replyTo: clientId(r.replyExternalId),
    }));
}

/** Settles one outgoing message from the agent's "sent"; false when it is not this device's or not pending. */
export async function markDelivery(
  tenantId: string,
  deviceId: string,
  messageId: string,
  ok: boolean,
  now = new Date(),
): Promise<boolean> {
  // every answer an agent types comes back as "sent": one raw statement (the hot path, db/raw-pool.ts);
  // a late ok:true after a failed attempt still records the truth: it was typed
  const update = ok
    ? Prisma.sql`"deliveryStatus" = 'SENT', "deliveredAt" = ${now.toISOString()}::timestamptz`
    : Prisma.sql`"deliveryStatus" = 'FAILED', "deliveredAt" = NULL`;
  const from = ok ? Prisma.sql`('PENDING', 'FAILED')` : Prisma.sql`('PENDING')`;
  const rows = await rawQuery<{ id: string }>(Prisma.sql`
    UPDATE "Message" m SET ${update}
    FROM "Conversation" v
    WHERE m.id = ${messageId} AND m."tenantId" = ${tenantId} AND m.role::text = ANY(${[...OUTGOING_ROLES]}::text[])
      AND m."deliveryStatus"::text IN ${from}
      AND v.id = m."conversationId" AND v."tenantId" = ${tenantId} AND v."deviceId" = ${deviceId}
    RETURNING m.id`);
  return rows.length > 0;
}

/** Pushes a device's pending messages to wherever it is connected (no-op when it is not). */
export async function deliverPendingForDevice(
  tenantId: string,
  deviceId: string,
  bus: DeviceBus = deviceBus(),
): Promise<number> {
  const frames = await pendingSends(tenantId, deviceId);
  if (frames.length) await bus.publish(deviceId, { kind: "send", frames });
  return frames.length;
}

/**
 * Pushes the pending messages of one conversation to its device (for any code path that stores an
 * outgoing message, e.g. a human agent's reply). Returns how many were published.
 */
export async function deliverPendingForConversation(
  tenantId: string,
  conversationId: string,
  bus: DeviceBus = deviceBus(),
): Promise<number> {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: conversationId, tenantId, channel: "WECHAT" },
    select: { deviceId: true },
  });
  if (!conv?.deviceId) return 0;
  const frames = await pendingSends(tenantId, conv.deviceId, conversationId);
  if (frames.length) await bus.publish(conv.deviceId, { kind: "send", frames });
  return frames.length;
}
