import { z } from "zod";
import { db } from "../../db/client";
import { notFound } from "../../errors";

// One conversation with its messages, for the REST API (and later the workbench). Internal notes are
// left out when the caller is a channel, not an agent.

export const ZConversationId = z.string().uuid("Not a conversation id");

export async function getConversation(tenantId: string, id: string, opts: { includeNotes?: boolean } = {}) {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: ZConversationId.parse(id), tenantId },
    select: {
      id: true,
      channel: true,
      status: true,
      type: true,
      createdAt: true,
      lastMessageAt: true,
      closedAt: true,
      contact: { select: { externalId: true, name: true } },
      messages: {
        where: opts.includeNotes ? {} : { role: { not: "NOTE" } },
        orderBy: { createdAt: "asc" },
        take: 500,
        select: { id: true, role: true, content: true, action: true, confidence: true, createdAt: true },
      },
    },
  });
  if (!conv) throw notFound("Conversation");
  return conv;
}
