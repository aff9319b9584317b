import { z } from "zod";

// How conversations reach the humans beyond the rules (Tenant.settings.escalation). With
// vipDirectToHuman a VIP customer's message goes straight to the queue instead of the bot. Anything
// missing or invalid in the stored JSON falls back to the defaults.

export const ZEscalationSettings = z.object({
  vipDirectToHuman: z.boolean().default(true),
});
export type TEscalationSettings = z.infer<typeof ZEscalationSettings>;

export const DEFAULT_ESCALATION_SETTINGS: TEscalationSettings = ZEscalationSettings.parse({});

export function parseEscalationSettings(settings: unknown): TEscalationSettings {
  const raw = (settings as { escalation?: unknown } | null)?.escalation;
  const parsed = ZEscalationSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_ESCALATION_SETTINGS;
}
