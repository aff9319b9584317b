import { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

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

/** The fields an update may send; each is optional and the rest of the stored settings are kept. */
export const ZBotSettingsPatch = z.object({
  botName: z.string().trim().min(1, "Name is required").max(40).optional(),
  persona: z.string().trim().max(4000).optional(),
  replyThreshold: z.number().min(0).max(1).optional(),
  clarifyThreshold: z.number().min(0).max(1).optional(),
  defaultLanguage: z.enum(["zh-CN", "en"]).optional(),
});
export type TBotSettingsPatch = z.infer<typeof ZBotSettingsPatch>;

/**
 * Merges `patch` into Tenant.settings.bot and writes only that key (jsonb_set in one statement), so
 * settings other screens keep in Tenant.settings (widget, retrieval…) are never overwritten.
 */
export async function saveBotSettings(
  tenantId: string,
  patch: TBotSettingsPatch,
  actor?: TActor | null,
): Promise<TBotSettings> {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    if (!tenant) throw notFound("Tenant");
    const merged = ZBotSettings.safeParse({ ...parseBotSettings(tenant.settings), ...patch });
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new AppError("BAD_REQUEST", issue.message, issue.path.join(".") || undefined);
    }
    await tx.$executeRaw`
      UPDATE "Tenant"
      SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{bot}', ${JSON.stringify(merged.data)}::jsonb),
          "updatedAt" = now()
      WHERE id = ${tenantId}`;
    await recordAudit(tx, {
      tenantId,
      ...(actor ?? { actorEmail: "cli" }),
      action: "bot.updated",
      targetType: "tenant",
      targetId: tenantId,
      data: { fields: Object.keys(patch) },
    });
    return merged.data;
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}
