import { db, rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { publicUrl } from "../../public-url";
import { isMailConfigured, MAIL_NOT_CONFIGURED, sendMail, type TMailResult } from "../mail/mailer";

// E-mail to the tenant when a conversation goes to the humans (PRODUCT.md §3.4, §10):
// - "live": escalated into the queue during working hours, so whoever watches the inbox is told;
// - "after_hours": outside working hours the transfer became a ticket; the mail carries the
//   customer's recent messages so someone can follow up when the team is back.
// It goes to the tenant's notification address, or — when none is set — to its owners and admins,
// so an escalation is never silently dropped. Plain text only: customer text never goes into HTML.

export type TEscalationKind = "live" | "after_hours";
export type TEscalationMailResult = TMailResult & { to?: string[] };

/** The notification address, else every OWNER/ADMIN member's address. */
export async function escalationRecipients(tenantId: string): Promise<string[]> {
  const client = await db();
  const tenant = await client.tenant.findUnique({
    where: { id: tenantId },
    select: { notificationEmail: true },
  });
  if (tenant?.notificationEmail) return [tenant.notificationEmail];
  const admins = await client.membership.findMany({
    where: { tenantId, role: { in: ["OWNER", "ADMIN"] } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(admins.map((m) => m.user.email))];
}

type TMailConversation = {
  id: string;
  channel: string;
  status: string;
  escalationReason: string | null;
  contact: { name: string | null; externalId: string; phone: string | null; vip: boolean };
  tenant: { name: string; slug: string; language: string };
  messages: { role: string; content: string; createdAt: string }[];
  recipients: string[];
};

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export async function sendEscalationEmail(
  tenantId: string,
  conversationId: string,
  kind: TEscalationKind,
): Promise<TEscalationMailResult> {
  // nothing to send through: the conversation is not read (escalations are frequent)
  if (!isMailConfigured()) return MAIL_NOT_CONFIGURED;
  // one statement for everything the mail says (it runs for every escalation): the conversation, its
  // customer and tenant, the last eight customer and bot lines, and the recipients
  const [conv] = await rawQuery<TMailConversation>(Prisma.sql`
    SELECT v.id, v.channel, v.status, v."escalationReason",
      json_build_object('name', k.name, 'externalId', k."externalId", 'phone', k.phone, 'vip', k.vip) AS contact,
      json_build_object('name', t.name, 'slug', t.slug, 'language', t.language) AS tenant,
      (SELECT coalesce(json_agg(json_build_object('role', m.role, 'content', m.content, 'createdAt', m."createdAt")
          ORDER BY m."createdAt" DESC), '[]'::json)
        FROM (SELECT role, content, "createdAt" FROM "Message"
          WHERE "tenantId" = ${tenantId} AND "conversationId" = v.id AND role IN ('CUSTOMER', 'BOT')
          ORDER BY "createdAt" DESC LIMIT 8) m) AS messages,
      CASE WHEN t."notificationEmail" IS NOT NULL THEN ARRAY[t."notificationEmail"]
        ELSE ARRAY(SELECT u.email FROM "Membership" ms JOIN "User" u ON u.id = ms."userId"
          WHERE ms."tenantId" = ${tenantId} AND ms.role IN ('OWNER', 'ADMIN') ORDER BY ms."createdAt") END AS recipients
    FROM "Conversation" v
    JOIN "Contact" k ON k.id = v."contactId"
    JOIN "Tenant" t ON t.id = v."tenantId"
    WHERE v.id = ${conversationId} AND v."tenantId" = ${tenantId}`);
  if (!conv) return { sent: false, reason: "conversation not found" };
  // by the time the job runs an agent may have taken it (live) or someone closed the ticket
  if (kind === "live" && conv.status !== "PENDING_HUMAN")
    return { sent: false, reason: "already handled: the conversation left the queue" };
  if (conv.status === "CLOSED") return { sent: false, reason: "the conversation is closed" };
  const to = [...new Set(conv.recipients)];
  if (!to.length) return { sent: false, reason: "the tenant has no notification address or admins" };
  const en = conv.tenant.language === "en";
  const who = conv.contact.name ?? conv.contact.externalId;
  const afterHours = kind === "after_hours";
  const subject = afterHours
    ? en
      ? `[${conv.tenant.name}] After-hours ticket from ${who}`
      : `【${conv.tenant.name}】非工作时间工单：${who}`
    : en
      ? `[${conv.tenant.name}] ${who} is waiting for an agent`
      : `【${conv.tenant.name}】客户${who}正在等待人工客服`;
  const intro = afterHours
    ? en
      ? `A customer asked for help outside working hours (${conv.channel}).`
      : `客户在非工作时间请求人工服务（渠道：${conv.channel}）。`
    : en
      ? `A conversation was handed to the human queue (${conv.channel}).`
      : `有会话已转入人工队列（渠道：${conv.channel}）。`;
  const reason = conv.escalationReason ?? (en ? "transfer" : "转人工");
  const lines = [...conv.messages]
    .reverse()
    // JSON carries the timestamp without its zone: it is UTC (the session's TimeZone)
    .map((m) => `${stamp(new Date(`${m.createdAt}Z`))} ${m.role === "CUSTOMER" ? who : "Bot"}: ${m.content}`);
  const link = `${publicUrl()}/t/${conv.tenant.slug}/inbox/${conv.id}`;
  const text = [
    intro,
    en ? `Reason: ${reason}` : `原因：${reason}`,
    conv.contact.vip ? "VIP" : "",
    conv.contact.phone ? (en ? `Phone: ${conv.contact.phone}` : `电话：${conv.contact.phone}`) : "",
    "",
    ...lines,
    "",
    en ? `Open Kefu: ${link}` : `打开 Kefu 处理：${link}`,
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
  const res = await sendMail({ to: to.join(", "), subject, text });
  return res.sent ? { ...res, to } : res;
}
