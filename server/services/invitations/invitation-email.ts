import type { TMail } from "../mail/mailer";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const ROLE_NAMES: Record<string, { "zh-CN": string; en: string }> = {
  ADMIN: { "zh-CN": "管理员", en: "Admin" },
  AGENT: { "zh-CN": "坐席", en: "Agent" },
  REVIEWER: { "zh-CN": "审核员", en: "Reviewer" },
  VIEWER: { "zh-CN": "只读成员", en: "Viewer" },
};

/** The invitation email in the tenant's language. Names are escaped: they are user input. */
export function invitationEmail(p: {
  to: string;
  tenantName: string;
  inviterName: string;
  role: string;
  link: string;
  language: string;
  expiresAt: Date;
}): TMail {
  const zh = p.language !== "en";
  const role = ROLE_NAMES[p.role]?.[zh ? "zh-CN" : "en"] ?? p.role;
  const expires = p.expiresAt.toISOString().slice(0, 10);
  const subject = zh
    ? `${p.inviterName} 邀请您加入「${p.tenantName}」的客服团队`
    : `${p.inviterName} invited you to join ${p.tenantName} on Kefu`;
  const text = zh
    ? `${p.inviterName} 邀请您以「${role}」身份加入「${p.tenantName}」。\n\n接受邀请：${p.link}\n\n链接有效期至 ${expires}。如果您不认识对方，请忽略此邮件。`
    : `${p.inviterName} invited you to join ${p.tenantName} as ${role}.\n\nAccept the invitation: ${p.link}\n\nThe link is valid until ${expires}. If you did not expect this, ignore this email.`;
  const html = `<p>${escapeHtml(text.split("\n\n")[0])}</p><p><a href="${escapeHtml(p.link)}">${zh ? "接受邀请" : "Accept the invitation"}</a></p><p style="color:#666">${escapeHtml(text.split("\n\n")[2])}</p>`;
  return { to: p.to, subject, text, html };
}
