import { db } from "../../db/client";
import { logger } from "../../logging";
import { publicUrl } from "../../public-url";
import { recordAudit } from "../audit/record-audit";
import { sendMail } from "../mail/mailer";
import { ZAlertKind, type TAlertKind } from "./alert-kinds";

// The e-mail sent once when an alert opens: to the tenant's notification address, or else to every
// owner and admin. Without SMTP nothing is sent; either way the outcome is written to the audit log
// ("alert.notified"), so an admin can see whether anyone was told.

export type TAlertEmailResult = { sent: boolean; recipients: number; reason: string | null };

const TITLES: Record<TAlertKind, { en: string; zh: string }> = {
  ERROR_RATE: { en: "High error rate", zh: "错误率过高" },
  SLOW_RESPONSE: { en: "Slow bot responses", zh: "机器人回复变慢" },
  TOKEN_BUDGET: { en: "Daily token budget exceeded", zh: "今日 Token 用量超出预算" },
  DEVICE_OFFLINE: { en: "Device offline", zh: "设备离线" },
  WAITING_SLA: { en: "Waiting conversations past SLA", zh: "排队会话超出 SLA" },
};

async function recipientsOf(tenantId: string, notificationEmail: string | null): Promise<string[]> {
  if (notificationEmail) return [notificationEmail];
  const client = await db();
  const admins = await client.membership.findMany({
    where: { tenantId, role: { in: ["OWNER", "ADMIN"] } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return admins.map((m) => m.user.email);
}

export async function sendAlertEmail(tenantId: string, alertEventId: string): Promise<TAlertEmailResult> {
  const client = await db();
  const event = await client.alertEvent.findFirst({
    where: { id: alertEventId, tenantId },
    select: {
      kind: true,
      value: true,
      message: true,
      createdAt: true,
      resolvedAt: true,
      tenant: { select: { name: true, slug: true, language: true, notificationEmail: true } },
    },
  });
  if (!event) return { sent: false, recipients: 0, reason: "alert not found" };
  if (event.resolvedAt) return { sent: false, recipients: 0, reason: "alert already resolved" };
  const kind = ZAlertKind.safeParse(event.kind);
  const to = await recipientsOf(tenantId, event.tenant.notificationEmail);
  let result: TAlertEmailResult;
  if (to.length === 0) result = { sent: false, recipients: 0, reason: "no recipients" };
  else {
    const en = event.tenant.language === "en";
    const title = kind.success ? TITLES[kind.data][en ? "en" : "zh"] : event.kind;
    const link = `${publicUrl()}/t/${event.tenant.slug}/system`;
    const text = [
      en ? `Alert: ${title}` : `告警：${title}`,
      event.message,
      event.value === null ? "" : en ? `Value: ${event.value}` : `当前值：${event.value}`,
      en
        ? `Since: ${event.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
        : `开始时间：${event.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      "",
      en ? `System status: ${link}` : `查看系统状态：${link}`,
    ]
      .filter((l, i) => l !== "" || i > 3)
      .join("\n");
    const mail = await sendMail({
      to: to.join(", "),
      subject: en ? `[${event.tenant.name}] ${title}` : `【${event.tenant.name}】${title}`,
      text,
    });
    result = mail.sent
      ? { sent: true, recipients: to.length, reason: null }
      : { sent: false, recipients: to.length, reason: mail.reason };
  }
  if (!result.sent) logger().warn({ tenantId, alertEventId, reason: result.reason }, "alert e-mail not sent");
  await client.$transaction((tx) =>
    recordAudit(tx, {
      tenantId,
      action: "alert.notified",
      targetType: "alert",
      targetId: alertEventId,
      data: { kind: event.kind, ...result },
    }),
  );
  return result;
}
