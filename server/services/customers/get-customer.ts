import { db } from "../../db/client";
import { notFound } from "../../errors";
import type { TCustomerDetail } from "./customer-schemas";
import { SUMMARY_SELECT, toSummary } from "./list-customers";

// One customer with its recent conversations, orders, score history (for the chart, oldest first)
// and state transitions.

export const DETAIL_LIMITS = { conversations: 50, orders: 100, scores: 90, transitions: 50 } as const;

export async function getCustomer(tenantId: string, contactId: string): Promise<TCustomerDetail> {
  const client = await db();
  const contact = await client.contact.findFirst({
    where: { id: contactId, tenantId },
    select: {
      ...SUMMARY_SELECT,
      email: true,
      wechatId: true,
      erpCode: true,
      intent: true,
      tags: true,
      positiveFeedback: true,
      inquiryCount: true,
    },
  });
  if (!contact) throw notFound("Customer");
  const [conversations, orders, scores, transitions] = await Promise.all([
    client.conversation.findMany({
      where: { tenantId, contactId },
      orderBy: { lastMessageAt: "desc" },
      take: DETAIL_LIMITS.conversations,
      select: {
        id: true,
        channel: true,
        status: true,
        type: true,
        outcome: true,
        satisfaction: true,
        lastMessageAt: true,
        closedAt: true,
        createdAt: true,
      },
    }),
    client.order.findMany({
      where: { tenantId, contactId },
      orderBy: [{ orderedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      take: DETAIL_LIMITS.orders,
      select: {
        id: true,
        orderNo: true,
        status: true,
        amount: true,
        currency: true,
        source: true,
        orderedAt: true,
      },
    }),
    client.contactScore.findMany({
      where: { tenantId, contactId },
      orderBy: { createdAt: "desc" },
      take: DETAIL_LIMITS.scores,
      select: { score: true, satisfaction: true, activity: true, value: true, level: true, createdAt: true },
    }),
    client.contactStateTransition.findMany({
      where: { tenantId, contactId },
      orderBy: { createdAt: "desc" },
      take: DETAIL_LIMITS.transitions,
      select: { fromState: true, toState: true, reason: true, createdAt: true },
    }),
  ]);
  return {
    ...toSummary(contact),
    email: contact.email,
    wechatId: contact.wechatId,
    erpCode: contact.erpCode,
    intent: contact.intent,
    tags: contact.tags,
    positiveFeedback: contact.positiveFeedback,
    inquiryCount: contact.inquiryCount,
    conversations,
    orders: orders.map((o) => ({ ...o, amount: o.amount.toFixed(2) })),
    scoreHistory: scores.reverse(),
    transitions,
  };
}
