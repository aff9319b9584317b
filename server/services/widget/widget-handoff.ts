import { emit } from "../../../inngest/emit";
import { db } from "../../db/client";
import { logger } from "../../logging";
import { publishLive, toLiveMessage, type TLiveStatus } from "../../realtime/live-events";
import { escalateConversation, queuePriority } from "../pipeline/escalate";
import { serializeByKey } from "../pipeline/serialize";
import { loadRuleSet } from "../rules/manage-rules";
import { renderTemplate } from "../rules/templates";
import { formatOpening, isWithinWorkingHours, nextOpening } from "../rules/working-hours";
import type { TWidgetTenant } from "./widget-tenant";
import { ensureVisitorContact } from "./widget-visitor";

// "Talk to a human" in the widget: the same escalation the pipeline performs for a transfer keyword
// (reason "manual"), honouring working hours — PENDING_HUMAN while staffed, otherwise a TICKET that
// is e-mailed to the tenant — plus a system line that tells the customer what happens next.
// A conversation already with (or waiting for) a human is left as it is.

export async function requestHandoff(
  tenant: TWidgetTenant,
  visitorId: string,
  locale?: "zh-CN" | "en",
): Promise<{ status: TLiveStatus; conversationId: string }> {
  // the pipeline's queue for this visitor: a handoff never races the visitor's own message
  return serializeByKey(`${tenant.id}:WIDGET:${visitorId}`, () => handoff(tenant, visitorId, locale));
}

async function handoff(tenant: TWidgetTenant, visitorId: string, locale?: "zh-CN" | "en") {
  const tenantId = tenant.id;
  const contact = await ensureVisitorContact(tenantId, visitorId);
  const conversation = await openConversation(tenantId, visitorId, contact);
  if (conversation.status !== "BOT") return { status: conversation.status, conversationId: conversation.id };

  const { ruleSet } = await loadRuleSet(tenantId);
  const now = new Date();
  const afterHours = !isWithinWorkingHours(ruleSet.workingHours, now);
  const res = await escalateConversation({
    tenantId,
    conversationId: conversation.id,
    reason: "manual",
    afterHours,
    priority: queuePriority(contact),
    detail: "widget",
  });
  if (!res.escalated) {
    // someone else moved it first (an agent took over): report where it is now
    const client = await db();
    const current = await client.conversation.findFirst({
      where: { id: conversation.id, tenantId },
      select: { status: true },
    });
    return { status: current?.status ?? res.status, conversationId: conversation.id };
  }

  const language = locale ?? tenant.language;
  const tz = ruleSet.workingHours.timezone;
  const text = afterHours
    ? renderTemplate(ruleSet, "afterHours", language, {
        nextOpening: formatOpening(nextOpening(ruleSet.workingHours, now), tz, language),
      })
    : renderTemplate(ruleSet, "transfer", language);
  const client = await db();
  const line = await client.message.create({
    data: {
      tenantId,
      conversationId: conversation.id,
      role: "SYSTEM",
      content: text,
      deliveryStatus: "SENT", // the widget's live event and its next /session are the delivery
      deliveredAt: new Date(),
    },
    select: { id: true, content: true, createdAt: true, senderName: true },
  });
  await publishLive({
    type: "conversation",
    tenantId,
    conversationId: conversation.id,
    status: res.status,
    assigneeId: null,
    change: "escalated",
  });
  await publishLive({
    type: "message",
    tenantId,
    conversationId: conversation.id,
    message: toLiveMessage({ ...line, role: "SYSTEM" }),
  });
  await emit("kefu/conversation.escalated", {
    tenantId,
    conversationId: conversation.id,
    reason: "manual",
    afterHours,
    status: res.status,
  }).catch((err: unknown) => logger().error({ err, tenantId }, "escalation event failed"));
  return { status: res.status, conversationId: conversation.id };
}

/**
 * The visitor's open conversation, or a new one keyed exactly as the pipeline keys widget chats
 * (store-inbound.ts: chat = visitor, no device), so the visitor's next message lands in it.
 */
async function openConversation(
  tenantId: string,
  visitorId: string,
  contact: { id: string; name: string | null },
) {
  const client = await db();
  const select = { id: true, status: true } as const;
  const open = await client.conversation.findFirst({
    where: { tenantId, contactId: contact.id, chatId: visitorId, deviceId: null, status: { not: "CLOSED" } },
    orderBy: { createdAt: "desc" },
    select,
  });
  if (open) return open;
  await client.contact.updateMany({
    where: { id: contact.id, tenantId },
    data: { conversationCount: { increment: 1 } },
  });
  return client.conversation.create({
    data: {
      tenantId,
      contactId: contact.id,
      channel: "WIDGET",
      chatId: visitorId,
      chatName: contact.name,
      chatType: "PRIVATE",
    },
    select,
  });
}
