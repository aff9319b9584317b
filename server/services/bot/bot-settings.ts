import { z } from "zod";
import { db } from "../../db/client";

// How the bot answers, per tenant (Tenant.settings.bot): its name and persona (the system prompt's
// first part) and the confidence thresholds of the pipeline's routing — reply at ≥ reply, ask a
// clarifying question at ≥ clarify, otherwise transfer to a human (PRODUCT.md §3.9). Anything missing
// or invalid in the stored JSON falls back to the defaults: a bad value must never stop the bot.

export const ZBotSettings = z
  .object({
    botName: z.string().trim().min(1).max(40).default("小客"),
    persona: z
      .string()
      .trim()
      .max(4000)
      .default(
        "你是一名专业、礼貌、简洁的客服。只根据提供的资料回答；资料里没有的内容，如实说不知道并建议转人工。",
      ),
    replyThreshold: z.number().min(0).max(1).default(0.75),
    clarifyThreshold: z.number().min(0).max(1).default(0.55),
    /** answer in the customer's language when it is one of the tenant's; otherwise this one */
    defaultLanguage: z.enum(["zh-CN", "en"]).default("zh-CN"),
  })
  .refine((s) => s.clarifyThreshold <= s.replyThreshold, {
    message: "The clarify threshold must not be above the reply threshold",
    path: ["clarifyThreshold"],
  });

export type TBotSettings = z.infer<typeof ZBotSettings>;

export const DEFAULT_BOT_SETTINGS: TBotSettings = ZBotSettings.parse({});

export function parseBotSettings(settings: unknown): TBotSettings {
  const raw = (settings as { bot?: unknown } | null)?.bot;
  const parsed = ZBotSettings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_BOT_SETTINGS;
}

export async function loadBotSettings(tenantId: string): Promise<TBotSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return parseBotSettings(tenant?.settings);
}
