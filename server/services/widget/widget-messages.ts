import type { z } from "zod";
import { db } from "../../db/client";
import type { TLiveStatus } from "../../realtime/live-events";
import { processIncomingMessage } from "../pipeline/process-message";
import type { TPipelineAction } from "../pipeline/pipeline-schemas";
import { toWidgetMessage, type TWidgetMessage, type ZMessageBody } from "./widget-schemas";
import { findVisitorContact } from "./widget-session";
import type { TWidgetTenant } from "./widget-tenant";

// A visitor's message goes through the same pipeline as every channel. The client's uuid makes it
// idempotent: a retried POST (flaky mobile network) gets the first answer instead of a second one.
// The bot's reply is returned here and also published live; the widget de-duplicates by id.

export type TWidgetSendResult = {
  conversationId: string;
  messageId: string;
  reply: TWidgetMessage | null;
  action: TPipelineAction;
  status: TLiveStatus | null;
};

export async function sendWidgetMessage(
  tenant: TWidgetTenant,
  visitorId: string,
  body: z.infer<typeof ZMessageBody>,
): Promise<TWidgetSendResult> {
  const contact = await findVisitorContact(tenant.id, visitorId);
  const result = await processIncomingMessage({
    tenantId: tenant.id,
    channel: "WIDGET",
    externalId: `widget:${visitorId}:${body.clientId}`,
    // the name the shop gave us through setUser, so the agent sees who is writing
    contact: { externalId: visitorId, name: contact?.name ?? undefined },
    text: body.text,
    language: body.locale,
  });
  const client = await db();
  const [reply, conversation] = await Promise.all([
    result.replyMessageId
      ? client.message.findFirst({
          where: { id: result.replyMessageId, tenantId: tenant.id },
          select: { id: true, role: true, content: true, createdAt: true, senderName: true },
        })
      : null,
    result.conversationId
      ? client.conversation.findFirst({
          where: { id: result.conversationId, tenantId: tenant.id },
          select: { status: true },
        })
      : null,
  ]);
  return {
    conversationId: result.conversationId,
    messageId: result.messageId,
    reply: reply ? toWidgetMessage(reply) : null,
    action: result.action,
    status: conversation?.status ?? null,
  };
}
