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
  const client = await db();
  const rows = await client.message.findMany({
    where: {
      tenantId,
      deliveryStatus: "PENDING",
      role: { in: OUTGOING_ROLES },
      ...(conversationId ? { conversationId } : {}),
      conversation: { tenantId, deviceId },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_BATCH,
    select: {
      id: true,
      content: true,
      replyToId: true,
      conversation: { select: { chatId: true, chatName: true, chatType: true } },
    },
  });
  const replyIds = [...new Set(rows.map((r) => r.replyToId).filter((id): id is string => Boolean(id)))];
  const inbound = replyIds.length
    ? await client.message.findMany({
        where: { tenantId, id: { in: replyIds } },
        select: { id: true, externalId: true },
      })
    : [];
  const prefix = wechatExternalId(deviceId, "");
  const clientIds = new Map(
    inbound
      .filter((m) => m.externalId?.startsWith(prefix))
      .map((m) => [m.id, m.externalId!.slice(prefix.length)]),
  );
  return rows
    .filter((r) => r.conversation.chatId && r.content.trim())
    .map((r) => ({
      type: "send" as const,
      id: r.id,
      chat: {
        id: r.conversation.chatId!,
        name: r.conversation.chatName ?? r.conversation.chatId!,
        type: r.conversation.chatType === "GROUP" ? ("group" as const) : ("private" as const),
      },
      text: r.content,
      replyTo: r.replyToId ? (clientIds.get(r.replyToId) ?? null) : null,
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
