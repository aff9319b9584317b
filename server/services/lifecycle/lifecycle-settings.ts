import { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";

// How long a conversation may stay quiet before it counts as IDLE, DORMANT and EXPIRED, per
// conversation type (Tenant.settings.lifecycle; PRODUCT.md §8). Small talk goes stale fast, business
// conversations (orders, deliveries) wait longer for the customer to come back with a number.
// Anything missing or invalid in the stored JSON falls back to the defaults, like the other settings.

export const CONVERSATION_TYPES = ["CHAT", "CONSULT", "BUSINESS"] as const;
export type TConversationType = (typeof CONVERSATION_TYPES)[number];

/** minutes: at least one, at most a week */
const ZMinutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);

export const ZLifecycleThresholds = z
  .object({ idle: ZMinutes, dormant: ZMinutes, expired: ZMinutes })
  .refine((t) => t.idle < t.dormant && t.dormant < t.expired, {
    message: "Idle must come before dormant, and dormant before expired",
    path: ["dormant"],
  });
export type TLifecycleThresholds = z.infer<typeof ZLifecycleThresholds>;

export const DEFAULT_LIFECYCLE_THRESHOLDS: Record<TConversationType, TLifecycleThresholds> = {
  CHAT: { idle: 5, dormant: 15, expired: 30 },
  CONSULT: { idle: 10, dormant: 30, expired: 60 },
  BUSINESS: { idle: 30, dormant: 120, expired: 240 },
};

export const ZLifecycleSettings = z.object({
  CHAT: ZLifecycleThresholds.default(DEFAULT_LIFECYCLE_THRESHOLDS.CHAT),
  CONSULT: ZLifecycleThresholds.default(DEFAULT_LIFECYCLE_THRESHOLDS.CONSULT),
  BUSINESS: ZLifecycleThresholds.default(DEFAULT_LIFECYCLE_THRESHOLDS.BUSINESS),
});
export type TLifecycleSettings = z.infer<typeof ZLifecycleSettings>;

export const DEFAULT_LIFECYCLE_SETTINGS: TLifecycleSettings = ZLifecycleSettings.parse({});

/** Per type: a bad entry falls back to that type's default, the others keep their stored values. */
export function parseLifecycleSettings(settings: unknown): TLifecycleSettings {
  const raw = (settings as { lifecycle?: unknown } | null)?.lifecycle;
  const stored = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_LIFECYCLE_SETTINGS };
  for (const type of CONVERSATION_TYPES) {
    const parsed = ZLifecycleThresholds.safeParse(stored[type]);
    if (parsed.success) out[type] = parsed.data;
  }
  return out;
}

export async function loadLifecycleSettings(tenantId: string): Promise<TLifecycleSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  if (!tenant) throw notFound("Tenant");
  return parseLifecycleSettings(tenant.settings);
}

/** the types to change; the others keep their values */
export const ZLifecycleSettingsPatch = z.object({
  CHAT: ZLifecycleThresholds.optional(),
  CONSULT: ZLifecycleThresholds.optional(),
  BUSINESS: ZLifecycleThresholds.optional(),
});
export type TLifecycleSettingsPatch = z.infer<typeof ZLifecycleSettingsPatch>;

/**
 * Writes Tenant.settings.lifecycle only (jsonb_set), so the keys other screens keep in
 * Tenant.settings are never overwritten; audited in the same transaction.
 */
export async function saveLifecycleSettings(
  tenantId: string,
  actor: TActor,
  patch: TLifecycleSettingsPatch,
): Promise<TLifecycleSettings> {
  const parsedPatch = ZLifecycleSettingsPatch.safeParse(patch);
  if (!parsedPatch.success)
    throw new AppError("BAD_REQUEST", parsedPatch.error.issues[0]?.message ?? "Invalid lifecycle settings");
  const client = await db();
  return client.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    if (!tenant) throw notFound("Tenant");
    const next: TLifecycleSettings = { ...parseLifecycleSettings(tenant.settings) };
    for (const type of CONVERSATION_TYPES) next[type] = parsedPatch.data[type] ?? next[type];
    await tx.$executeRaw`
      UPDATE "Tenant"
      SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{lifecycle}', ${JSON.stringify(next)}::jsonb),
          "updatedAt" = now()
      WHERE id = ${tenantId}`;
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "lifecycle_settings.updated",
      targetType: "tenant",
      targetId: tenantId,
      data: { types: CONVERSATION_TYPES.filter((type) => parsedPatch.data[type]) },
    });
    return next;
  });
}
