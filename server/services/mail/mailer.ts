import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../../env";

// Outgoing email over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587). Without it nothing is sent and
// callers say so (the invitation link is then shown to the inviter instead).

export type TMail = { to: string; subject: string; text: string; html?: string };
export type TMailResult = { sent: true; messageId: string } | { sent: false; reason: string };

const KEY = Symbol.for("kefu.mailer");
type G = typeof globalThis & { [KEY]?: { url: string; transport: Transporter } };

export const MAIL_NOT_CONFIGURED: TMailResult = { sent: false, reason: "SMTP is not configured (SMTP_URL)" };

export function isMailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

function transport(url: string): Transporter {
  const g = globalThis as G;
  if (g[KEY]?.url !== url) g[KEY] = { url, transport: nodemailer.createTransport(url) };
  return g[KEY].transport;
}

export async function sendMail(mail: TMail): Promise<TMailResult> {
  const url = env().SMTP_URL;
  if (!url) return MAIL_NOT_CONFIGURED;
  const info = await transport(url).sendMail({ from: env().MAIL_FROM, ...mail });
  return { sent: true, messageId: String(info.messageId) };
}
