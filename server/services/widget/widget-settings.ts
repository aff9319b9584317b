import { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { normaliseOrigin } from "./origin-format";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

// How the web widget looks and where it may be embedded (Tenant.settings.widget). Anything missing
// or invalid in the stored JSON falls back to the defaults field by field, so a bad value never
// takes the widget off a tenant's shop.

const ZLocalizedText = (max: number) =>
  z.object({
    "zh-CN": z.string().trim().min(1, "Required").max(max),
    en: z.string().trim().min(1, "Required").max(max),
  });

/**
 * An exact origin ("https://shop.example.com", "http://localhost:8080"), normalised the way browsers
 * send it in the Origin header (lower-case host, no default port, no trailing slash). Paths, queries,
 * credentials and wildcards are refused: the check compares whole origins.
 */
export const ZAllowedOrigin = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((value, ctx) => {
    const origin = normaliseOrigin(value);
    if (!origin) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an origin like https://shop.example.com` });
      return z.NEVER;
    }
    return origin;
  });

const ZHexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2563eb")
  .transform((c) => c.toLowerCase());

const MAX_ORIGINS = 50;

const ZOriginList = z
  .array(ZAllowedOrigin)
  .max(MAX_ORIGINS, `At most ${MAX_ORIGINS} origins`)
  .transform((list) => [...new Set(list)]);

const DEFAULTS = {
  enabled: true,
  color: "#2563eb",
  position: "right" as const,
  theme: "auto" as const,
  title: { "zh-CN": "在线客服", en: "Chat with us" },
  welcome: { "zh-CN": "您好！有什么可以帮您？", en: "Hi! How can we help?" },
  allowedOrigins: [] as string[],
  handoffButton: true,
};

export const ZWidgetSettings = z.object({
  enabled: z.boolean().catch(DEFAULTS.enabled),
  color: ZHexColor.catch(DEFAULTS.color),
  position: z.enum(["right", "left"]).catch(DEFAULTS.position),
  theme: z.enum(["light", "dark", "auto"]).catch(DEFAULTS.theme),
  title: ZLocalizedText(40).catch(DEFAULTS.title),
  welcome: ZLocalizedText(300).catch(DEFAULTS.welcome),
  /** exact origins allowed to embed the widget and call its API; empty = any origin. A stored entry
   *  that is not an origin is dropped alone (the rest of the list keeps protecting the tenant). */
  allowedOrigins: z
    .array(z.unknown())
    .catch(DEFAULTS.allowedOrigins)
    .transform((list) => [
      ...new Set(list.flatMap((v) => (typeof v === "string" ? (normaliseOrigin(v.trim()) ?? []) : []))),
    ]),
  handoffButton: z.boolean().catch(DEFAULTS.handoffButton),
});
export type TWidgetSettings = z.infer<typeof ZWidgetSettings>;
export type TPublicWidgetSettings = Omit<TWidgetSettings, "allowedOrigins">;

export const DEFAULT_WIDGET_SETTINGS: TWidgetSettings = ZWidgetSettings.parse({});

export function parseWidgetSettings(settings: unknown): TWidgetSettings {
  const raw = (settings as { widget?: unknown } | null)?.widget;
  return ZWidgetSettings.parse(raw && typeof raw === "object" ? raw : {});
}

/** What the widget script may read: everything except the allow-list (no need to publish it). */
export function publicWidgetSettings(s: TWidgetSettings): TPublicWidgetSettings {
  const { allowedOrigins: _hidden, ...rest } = s;
  return rest;
}

export async function loadWidgetSettings(tenantId: string): Promise<TWidgetSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  if (!tenant) throw notFound("Tenant");
  return parseWidgetSettings(tenant.settings);
}

/** The fields an update may send (strictly validated, unlike stored values); the rest are kept. */
export const ZWidgetSettingsPatch = z.object({
  enabled: z.boolean().optional(),
  color: ZHexColor.optional(),
  position: z.enum(["right", "left"]).optional(),
  theme: z.enum(["light", "dark", "auto"]).optional(),
  title: ZLocalizedText(40).optional(),
  welcome: ZLocalizedText(300).optional(),
  allowedOrigins: ZOriginList.optional(),
  handoffButton: z.boolean().optional(),
});
export type TWidgetSettingsPatch = z.input<typeof ZWidgetSettingsPatch>;

/**
 * Merges `patch` into Tenant.settings.widget and writes only that key (jsonb_set), so the settings
 * other screens keep in Tenant.settings (bot, sla…) are never overwritten.
 */
export async function saveWidgetSettings(
  tenantId: string,
  rawPatch: TWidgetSettingsPatch,
  actor?: TActor | null,
): Promise<TWidgetSettings> {
  const parsed = ZWidgetSettingsPatch.safeParse(rawPatch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_REQUEST", issue.message, issue.path.join(".") || undefined);
  }
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    if (!tenant) throw notFound("Tenant");
    const merged: TWidgetSettings = { ...parseWidgetSettings(tenant.settings), ...patch };
    await tx.$executeRaw`
      UPDATE "Tenant"
      SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{widget}', ${JSON.stringify(merged)}::jsonb),
          "updatedAt" = now()
      WHERE id = ${tenantId}`;
    await recordAudit(tx, {
      tenantId,
      ...(actor ?? { actorEmail: "cli" }),
      action: "widget.updated",
      targetType: "tenant",
      targetId: tenantId,
      data: { fields: Object.keys(patch) },
    });
    return merged;
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}
