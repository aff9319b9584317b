import type { z } from "zod";
import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError, notFound } from "../../errors";
import {
  announceOutgoing,
  findConversationForAction,
  OUTGOING_SELECT,
  storeOutgoing,
} from "./outgoing-messages";
import type { TWorkbenchActor } from "./workbench-actor";
import { toWorkbenchMessage } from "./workbench-message";
import type { TWorkbenchMessage, ZNoteInput, ZReplyInput } from "./workbench-schemas";

// An agent's reply goes to the customer through the conversation's channel; a note stays inside the
// team. Only the assignee of a HUMAN conversation replies: the check is a conditional UPDATE that
// also locks the conversation row until the message is stored, so a reply cannot slip in after a
// transfer or release committed. A repeated clientId returns the first message (double submit, retry).

type TReplyInput = z.infer<typeof ZReplyInput>;
type TNoteInput = z.infer<typeof ZNoteInput>;

const externalIdOf = (clientId: string) => `workbench:${clientId}`;

export async function sendAgentReply(
  tenantId: string,
  actor: TWorkbenchActor,
  input: TReplyInput,
): Promise<{ message: TWorkbenchMessage }> {
  const client = await db();
  if (input.clientId) {
    const earlier = await findEarlierReply(tenantId, actor, input.conversationId, input.clientId);
    if (earlier) return { message: earlier };
  }
  const now = new Date();
  let stored;
  try {
    stored = await client.$transaction(async (tx) => {
      const held = await tx.conversation.updateMany({
        where: { id: input.conversationId, tenantId, status: "HUMAN", assigneeId: actor.userId },
        data: { lastMessageAt: now },
      });
      if (held.count === 0) {
        const exists = await findConversationForAction(tenantId, input.conversationId, tx);
        if (!exists) throw notFound("Conversation");
        throw new AppError("CONFLICT", "Take over the conversation first");
      }
      await tx.conversation.updateMany({
        where: { id: input.conversationId, tenantId, firstResponseAt: null },
        data: { firstResponseAt: now },
      });
      const conv = await tx.conversation.findFirstOrThrow({
        where: { id: input.conversationId, tenantId },
        select: { channel: true },
      });
      const row = await storeOutgoing(tx, {
        tenantId,
        conversationId: input.conversationId,
        channel: conv.channel,
        role: "AGENT",
        content: input.text,
        authorId: actor.userId,
        senderName: actor.name,
        externalId: input.clientId ? externalIdOf(input.clientId) : null,
      });
      return { row, channel: conv.channel };
    });
  } catch (e) {
    // the same clientId sent twice at once: the other request stored it
    if (input.clientId && isUniqueViolation(e)) {
      const earlier = await findEarlierReply(tenantId, actor, input.conversationId, input.clientId);
      if (earlier) return { message: earlier };
    }
    throw e;
  }
  await announceOutgoing(tenantId, input.conversationId, stored.channel, [stored.row]);
  return { message: toWorkbenchMessage(stored.row, actor.name) };
}

async function findEarlierReply(
  tenantId: string,
  actor: TWorkbenchActor,
  conversationId: string,
  clientId: string,
): Promise<TWorkbenchMessage | null> {
  const client = await db();
  const row = await client.message.findFirst({
    where: { tenantId, externalId: externalIdOf(clientId) },
    select: { ...OUTGOING_SELECT, conversationId: true },
  });
  if (!row) return null;
  if (row.conversationId !== conversationId || row.authorId !== actor.userId)
    throw new AppError("CONFLICT", "This client id was already used for another message", "clientId");
  return toWorkbenchMessage(row, actor.name);
}

/** An internal note: any agent may leave one; it is never delivered to the customer. */
export async function addInternalNote(
  tenantId: string,
  actor: TWorkbenchActor,
  input: TNoteInput,
): Promise<{ message: TWorkbenchMessage }> {
  const client = await db();
  const { row, channel } = await client.$transaction(async (tx) => {
    const conv = await findConversationForAction(tenantId, input.conversationId, tx);
    if (!conv) throw notFound("Conversation");
    const note = await storeOutgoing(tx, {
      tenantId,
      conversationId: input.conversationId,
      channel: conv.channel,
      role: "NOTE",
      content: input.text,
      authorId: actor.userId,
      senderName: actor.name,
    });
    return { row: note, channel: conv.channel };
  });
  // a note has no delivery status (never pushed to a device), and publishLive keeps NOTE messages
  // off the conversation topic the widget listens to
  await announceOutgoing(tenantId, input.conversationId, channel, [row]);
  return { message: toWorkbenchMessage(row, actor.name) };
}
