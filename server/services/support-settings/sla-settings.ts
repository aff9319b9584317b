import { z } from "zod";
import { db } from "../../db/client";

// Service levels of the human queue (Tenant.settings.sla): minutes to the first human response by
// priority band, and the share of that time after which the inbox warns. A conversation's band comes
// from Conversation.priority (set on escalation: VIP 20, WHITE 10, normal 0, BLACK −10). Anything
// missing or invalid in the stored JSON falls back to the defaults.

export const SLA_BANDS = ["urgent", "high", "normal", "low"] as const;
export type TSlaBand = (typeof SLA_BANDS)[number];

/** minutes to the first response: at least one, at most a week */
export const ZSlaMinutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);
/** the share of the first-response time after which the inbox warns */
export const ZSlaWarnAt = z.number().min(0.1).max(1);

export const ZSlaSettings = z.object({
  firstResponseMinutes: z
    .object({
      urgent: ZSlaMinutes.default(5),
      high: ZSlaMinutes.default(15),
      normal: ZSlaMinutes.default(30),
      low: ZSlaMinutes.default(60),
    })
    .default({ urgent: 5, high: 15, normal: 30, low: 60 }),
  warnAt: ZSlaWarnAt.default(0.8),
});
export type TSlaSettings = z.infer<typeof ZSlaSettings>;

export const DEFAULT_SLA_SETTINGS: TSlaSettings = ZSlaSettings.parse({});

export function slaBand(priority: number): TSlaBand {
  if (priority >= 20) return "urgent";
  if (priority >= 10) return "high";
  if (priority >= 0) return "normal";
  return "low";
}

export function parseSlaSettings(settings: unknown): TSlaSettings {
  const raw = (settings as { sla?: unknown } | null)?.sla;
  const parsed = ZSlaSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS;
}

export async function loadSlaSettings(tenantId: string): Promise<TSlaSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return parseSlaSettings(tenant?.settings);
}

export type TSlaState = "none" | "ok" | "warning" | "breached" | "met";

/**
 * Where a conversation stands against its first-response target: none (never escalated), met (a
 * human answered in time), ok / warning / breached while it waits, or breached when the answer came
 * late.
 */
export function slaStatus(
  c: { priority: number; escalatedAt: Date | null; firstResponseAt: Date | null },
  sla: TSlaSettings,
  now = new Date(),
): { state: TSlaState; dueAt: Date | null } {
  if (!c.escalatedAt) return { state: "none", dueAt: null };
  const minutes = sla.firstResponseMinutes[slaBand(c.priority)];
  const dueAt = new Date(c.escalatedAt.getTime() + minutes * 60_000);
  if (c.firstResponseAt) return { state: c.firstResponseAt <= dueAt ? "met" : "breached", dueAt };
  const elapsed = (now.getTime() - c.escalatedAt.getTime()) / (minutes * 60_000);
  return { state: elapsed >= 1 ? "breached" : elapsed >= sla.warnAt ? "warning" : "ok", dueAt };
}
