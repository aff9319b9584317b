import { db } from "../../db/client";
import { publicUrl } from "../../public-url";
import { sendMail, type TMailResult } from "../mail/mailer";

// After hours a transfer becomes a ticket, and the tenant's notification address gets an e-mail with
// the customer's recent messages, so someone can follow up when the team is back. Plain text only:
// customer text is never put into HTML.

export async function sendTicketEmail(tenantId: string, conversationId: string): Promise<TMailResult> {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: {
      id: true,
      channel: true,
      escalationReason: true,
      contact: { select: { name: true, externalId: true, phone: true } },
      tenant: { select: { name: true, slug: true, language: true, notificationEmail: true } },
      messages: {
        where: { role: { in: ["CUSTOMER", "BOT"] } },
        orderBy: { createdAt: "desc" },
        take: 8,
        select: { role: true, content: true, createdAt: true },
      },
    },
  });
  if (!conv) return { sent: false, reason: "conversation not found" };
  const to = conv.tenant.notificationEmail;
  if (!to) return { sent: false, reason: "the tenant has no notification e-mail address" };
  const en = conv.tenant.language === "en";
  const who = conv.contact.name ?? conv.contact.externalId;
  const lines = [...conv.messages]
    .reverse()
    .map(
      (m) =>
        `${m.createdAt.toISOString().slice(0, 16).replace("T", " ")} ${m.role === "CUSTOMER" ? who : "Bot"}: ${m.content}`,
    );
  const link = `${publicUrl()}/t/${conv.tenant.slug}`;
  const subject = en
    ? `[${conv.tenant.name}] After-hours ticket from ${who}`
    : `【${conv.tenant.name}】非工作时间工单：${who}`;
  const text = [
    en
      ? `A customer asked for help outside working hours (${conv.channel}).`
      : `客户在非工作时间请求人工服务（渠道：${conv.channel}）。`,
    en ? `Reason: ${conv.escalationReason ?? "transfer"}` : `原因：${conv.escalationReason ?? "转人工"}`,
    conv.contact.phone ? (en ? `Phone: ${conv.contact.phone}` : `电话：${conv.contact.phone}`) : "",
    "",
    ...lines,
    "",
    en ? `Open Kefu: ${link}` : `打开 Kefu 处理：${link}`,
  ]
    .filter((l, i, all) => l !== "" || all[i - 1] !== "")
    .join("\n");
  return sendMail({ to, subject, text });
}
