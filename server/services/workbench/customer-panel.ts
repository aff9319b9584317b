import { db } from "../../db/client";
import { notFound } from "../../errors";
import type { TCustomerPanel } from "./workbench-schemas";

// Who the agent is talking to: the contact's level (a manual override wins), state, score and
// counters, their latest orders and their earlier conversations.

const LATEST = 10;

export async function getCustomerPanel(tenantId: string, conversationId: string): Promise<TCustomerPanel> {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: {
      contact: {
        select: {
          id: true,
          name: true,
          phone: true,
          email: true,
          company: true,
          level: true,
          levelOverride: true,
          state: true,
          score: true,
          vip: true,
          tags: true,
          messageCount: true,
          conversationCount: true,
          lastSeenAt: true,
          channel: true,
          externalId: true,
        },
      },
    },
  });
  if (!conv) throw notFound("Conversation");
  const contact = conv.contact;
  const [orders, past] = await Promise.all([
    client.order.findMany({
      where: { tenantId, contactId: contact.id },
      orderBy: [{ orderedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: LATEST,
      select: { id: true, orderNo: true, status: true, amount: true, orderedAt: true },
    }),
    client.conversation.findMany({
      where: { tenantId, contactId: contact.id, id: { not: conversationId } },
      orderBy: { createdAt: "desc" },
      take: LATEST,
      select: { id: true, status: true, outcome: true, createdAt: true, lastMessageAt: true },
    }),
  ]);
  return {
    contact: { ...contact, level: contact.levelOverride ?? contact.level },
    orders: orders.map((o) => ({ ...o, amount: o.amount.toFixed(2) })),
    pastConversations: past,
  };
}
