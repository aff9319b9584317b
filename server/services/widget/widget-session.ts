import { randomUUID } from "node:crypto";
import { db } from "../../db/client";
import { signVisitorToken, verifyVisitorToken } from "./visitor-token";
import {
  toWidgetMessage,
  WIDGET_ROLES,
  type TWidgetConversation,
  type TWidgetMessage,
} from "./widget-schemas";
import { ZVisitorId, type TWidgetTenant } from "./widget-tenant";

// A widget visitor's session: who they are (a uuid + token pair the browser keeps in localStorage)
// and what they see on (re)load — their open conversation, or the last closed one while it still
// waits for a rating, with its latest customer-visible messages. Internal notes never leave here.

const HISTORY = 50;

export type TWidgetSession = {
  visitorId: string;
  token: string;
  conversation: TWidgetConversation | null;
  messages: TWidgetMessage[];
};

/**
 * Resumes the visitor a valid (visitorId, token) pair names; anything else (no pair, a tampered or
 * foreign token) starts a new anonymous visitor rather than failing, so a stale localStorage entry
 * never locks a shopper out of the chat.
 */
export async function startWidgetSession(
  tenant: TWidgetTenant,
  claimed: { visitorId?: string; token?: string },
): Promise<TWidgetSession> {
  const id = ZVisitorId.safeParse(claimed.visitorId ?? "");
  const resumed =
    id.success && claimed.token !== undefined && verifyVisitorToken(tenant.id, id.data, claimed.token);
  const visitorId = resumed ? id.data : randomUUID();
  const token = signVisitorToken(tenant.id, visitorId);
  if (!resumed) return { visitorId, token, conversation: null, messages: [] };
  const conversation = await visitorConversation(tenant.id, visitorId);
  const messages = conversation ? await conversationHistory(tenant.id, conversation.id) : [];
  return { visitorId, token, conversation, messages };
}

export async function findVisitorContact(tenantId: string, visitorId: string) {
  const client = await db();
  return client.contact.findUnique({
    where: { tenantId_channel_externalId: { tenantId, channel: "WIDGET", externalId: visitorId } },
    select: { id: true, name: true, vip: true, level: true, levelOverride: true, metadata: true },
  });
}

/** The visitor's open conversation, or their last closed one while its rating is pending. */
export async function visitorConversation(
  tenantId: string,
  visitorId: string,
): Promise<TWidgetConversation | null> {
  const contact = await findVisitorContact(tenantId, visitorId);
  if (!contact) return null;
  const client = await db();
  const latest = await client.conversation.findFirst({
    where: { tenantId, contactId: contact.id, channel: "WIDGET" },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, assigneeId: true },
  });
  if (!latest) return null;
  if (latest.status === "CLOSED") {
    if (!(await ratingPending(tenantId, latest.id))) return null;
    return { id: latest.id, status: "CLOSED", satisfactionRequested: true, agentName: null };
  }
  return {
    id: latest.id,
    status: latest.status,
    satisfactionRequested: false,
    agentName: latest.status === "HUMAN" ? await userName(latest.assigneeId) : null,
  };
}

/** Whether this visitor's conversation is theirs (the widget may only see its own). */
export async function isVisitorConversation(
  tenantId: string,
  visitorId: string,
  conversationId: string,
): Promise<boolean> {
  const client = await db();
  const count = await client.conversation.count({
    where: {
      id: conversationId,
      tenantId,
      channel: "WIDGET",
      contact: { channel: "WIDGET", externalId: visitorId },
    },
  });
  return count > 0;
}

/**
 * A closed conversation waits for a rating when its last close asked for one (the workbench records
 * `{satisfactionRequested}` on the `closed` event) and no rating has been given yet.
 */
export async function ratingPending(tenantId: string, conversationId: string): Promise<boolean> {
  const client = await db();
  const [conversation, closed] = await Promise.all([
    client.conversation.findFirst({
      where: { id: conversationId, tenantId },
      select: { status: true, satisfaction: true },
    }),
    client.conversationEvent.findFirst({
      where: { tenantId, conversationId, type: "closed" },
      orderBy: { createdAt: "desc" },
      select: { data: true },
    }),
  ]);
  if (conversation?.status !== "CLOSED" || conversation.satisfaction !== null) return false;
  const data = closed?.data as { satisfactionRequested?: unknown } | null | undefined;
  return data?.satisfactionRequested === true;
}

async function conversationHistory(tenantId: string, conversationId: string): Promise<TWidgetMessage[]> {
  const client = await db();
  const rows = await client.message.findMany({
    where: { tenantId, conversationId, role: { in: WIDGET_ROLES } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY,
    select: { id: true, role: true, content: true, createdAt: true, senderName: true },
  });
  return rows.reverse().map(toWidgetMessage);
}

async function userName(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const client = await db();
  const user = await client.user.findUnique({ where: { id: userId }, select: { name: true } });
  return user?.name ?? null;
}
