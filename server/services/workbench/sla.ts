import { slaStatus, type TSlaSettings } from "../support-settings/sla-settings";

/** The first-response SLA of a conversation; one the bot handles (again) has none running. */
export function conversationSla(
  c: { status: string; priority: number; escalatedAt: Date | null; firstResponseAt: Date | null },
  sla: TSlaSettings,
  now = new Date(),
) {
  return c.status === "BOT" ? { state: "none" as const, dueAt: null } : slaStatus(c, sla, now);
}
