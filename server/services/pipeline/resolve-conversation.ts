import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import type { Prisma } from "../../db/generated/prisma/client";
import type { TIncoming } from "./pipeline-schemas";

// Finds (or creates) the contact and its open conversation in the chat the message came from.
// A conversation stays open until it is CLOSED; a new one starts after that.

export type TConversationRow = Prisma.ConversationGetPayload<{ include: { contact: true } }>;

async function upsertContact(input: TIncoming) {
  const client = await db();
  const where = {
    tenantId_channel_externalId: {
      tenantId: input.tenantId,
      channel: input.channel,
      externalId: input.contact.externalId,
    },
  };
  const data = { lastSeenAt: new Date(), messageCount: { increment: 1 } };
  const create = {
    tenantId: input.tenantId,
    channel: input.channel,
    externalId: input.contact.externalId,
    name: input.contact.name ?? null,
    lastSeenAt: new Date(),
    messageCount: 1,
  };
  try {
    return await client.contact.upsert({ where, update: data, create });
  } catch (e) {
    // two first messages of a new contact at once: the other one created it
    if (!isUniqueViolation(e)) throw e;
    return client.contact.update({ where, data });
  }
}

export async function resolveConversation(input: TIncoming): Promise<TConversationRow> {
  const client = await db();
  const contact = await upsertContact(input);
  const chatId = input.chat?.id ?? input.contact.externalId;
  const open = await client.conversation.findFirst({
    // one conversation per chat and device: the same customer writing to two of the tenant's WeChat
    // accounts has two conversations, each answered through its own device
    where: {
      tenantId: input.tenantId,
      contactId: contact.id,
      chatId,
      deviceId: input.deviceId ?? null,
      status: { not: "CLOSED" },
    },
    orderBy: { createdAt: "desc" },
  });
  // the upsert returned the contact row as it now is: not read a second time (a statement per message)
  if (open) return { ...open, contact };
  await client.contact.updateMany({
    where: { id: contact.id, tenantId: input.tenantId },
    data: { conversationCount: { increment: 1 } },
  });
  return client.conversation.create({
    data: {
      tenantId: input.tenantId,
      contactId: contact.id,
      channel: input.channel,
      deviceId: input.deviceId ?? null,
      chatId,
      chatName: input.chat?.name ?? input.contact.name ?? null,
      chatType: input.chat?.type === "group" ? "GROUP" : "PRIVATE",
    },
    include: { contact: true },
  });
}

/** The conversation as it is now (status, streak, memory), for a message that waited to be answered. */
export async function reloadConversation(conv: TConversationRow): Promise<TConversationRow> {
  const client = await db();
  const now = await client.conversation.findFirst({
    where: { id: conv.id, tenantId: conv.tenantId },
    include: { contact: true },
  });
  return now ?? conv;
}
