import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import type { Channel } from "../../db/generated/prisma/enums";
import { logger } from "../../logging";
import { countMessage } from "../../metrics";
import { publishLive, toLiveMessage } from "../../realtime/live-events";
import { deliverPendingForConversation } from "../devices/outbound";

// Messages the workbench writes (agent replies, system lines, notes) are stored inside the
// transaction that changes the conversation, and announced after it commits: the live event is what
// the widget shows, WeChat messages wait as PENDING in the outbox until the device's agent types them,
// and the REST channel reads them back with GET. Notes are never delivered to anyone outside.

type TTx = Prisma.TransactionClient;
export type TOutgoingRole = "AGENT" | "SYSTEM" | "NOTE";

export const OUTGOING_SELECT = {
  id: true,
  role: true,
  content: true,
  createdAt: true,
  senderName: true,
  authorId: true,
  action: true,
  confidence: true,
  deliveryStatus: true,
  evidenceIds: true,
} as const;

export type TOutgoingRow = Prisma.MessageGetPayload<{ select: typeof OUTGOING_SELECT }>;

export async function storeOutgoing(
  tx: TTx,
  p: {
    tenantId: string;
    conversationId: string;
    channel: Channel;
    role: TOutgoingRole;
    content: string;
    authorId?: string | null;
    senderName?: string | null;
    externalId?: string | null;
  },
): Promise<TOutgoingRow> {
  const now = new Date();
  const viaOutbox = p.channel === "WECHAT";
  return tx.message.create({
    data: {
      tenantId: p.tenantId,
      conversationId: p.conversationId,
      role: p.role,
      content: p.content,
      authorId: p.authorId ?? null,
      senderName: p.senderName ?? null,
      externalId: p.externalId ?? null,
      createdAt: now,
      deliveryStatus: p.role === "NOTE" ? null : viaOutbox ? "PENDING" : "SENT",
      deliveredAt: p.role === "NOTE" || viaOutbox ? null : now,
    },
    select: OUTGOING_SELECT,
  });
}

/** After commit: live events for the stored rows, then the WeChat outbox push (never throws). */
export async function announceOutgoing(
  tenantId: string,
  conversationId: string,
  channel: Channel,
  rows: TOutgoingRow[],
): Promise<void> {
  for (const row of rows) {
    if (row.role === "AGENT") countMessage(channel, "agent"); // counted once committed
    await publishLive({ type: "message", tenantId, conversationId, message: toLiveMessage(row) });
  }
  if (channel !== "WECHAT" || !rows.some((r) => r.deliveryStatus === "PENDING")) return;
  try {
    await deliverPendingForConversation(tenantId, conversationId);
  } catch (err) {
    // the outbox keeps the message PENDING; the device gets it again on its next (re)connect
    logger().warn({ err, tenantId, conversationId }, "workbench message not pushed to the device");
  }
}

/** The conversation facts every workbench action starts from (null when not in this tenant). */
export async function findConversationForAction(tenantId: string, conversationId: string, tx?: TTx) {
  const client = tx ?? (await db());
  return client.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: {
      id: true,
      status: true,
      assigneeId: true,
      channel: true,
      tenant: { select: { language: true } },
    },
  });
}
