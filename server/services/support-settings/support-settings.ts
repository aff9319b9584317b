import { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { ZUpdateTenantInput } from "../tenants/tenant-schemas";
import { updateTenant } from "../tenants/update-tenant";
import { parseEscalationSettings } from "./escalation-settings";
import { parseSlaSettings, SLA_BANDS, ZSlaMinutes, ZSlaWarnAt, type TSlaSettings } from "./sla-settings";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

// The support settings screen: SLA (Tenant.settings.sla), the VIP switch (Tenant.settings.escalation)
// and the notification address (Tenant.notificationEmail, written by the general settings' service so
// there is one place that validates and audits it).

export const ZSupportSettingsPatch = z.object({
  sla: z
    .object({
      firstResponseMinutes: z
        .object({
          urgent: ZSlaMinutes.optional(),
          high: ZSlaMinutes.optional(),
          normal: ZSlaMinutes.optional(),
          low: ZSlaMinutes.optional(),
        })
        .optional(),
      warnAt: ZSlaWarnAt.optional(),
    })
    .optional(),
  notificationEmail: ZUpdateTenantInput.shape.notificationEmail,
  vipDirectToHuman: z.boolean().optional(),
});
export type TSupportSettingsPatch = z.infer<typeof ZSupportSettingsPatch>;

export type TSupportSettings = {
  sla: TSlaSettings;
  notificationEmail: string | null;
  vipDirectToHuman: boolean;
};

export async function getSupportSettings(tenantId: string): Promise<TSupportSettings> {
  const client = await db();
  const tenant = await client.tenant.findUnique({
    where: { id: tenantId },
    select: { settings: true, notificationEmail: true },
  });
  if (!tenant) throw notFound("Tenant");
  return {
    sla: parseSlaSettings(tenant.settings),
    notificationEmail: tenant.notificationEmail,
    vipDirectToHuman: parseEscalationSettings(tenant.settings).vipDirectToHuman,
  };
}

/** A more urgent band may not wait longer than a less urgent one, or the queue order would lie. */
function assertBandOrder(sla: TSlaSettings) {
  const m = sla.firstResponseMinutes;
  for (let i = 1; i < SLA_BANDS.length; i++) {
    const [more, less] = [SLA_BANDS[i - 1], SLA_BANDS[i]];
    if (m[more] > m[less])
      throw new AppError(
        "BAD_REQUEST",
        `The ${more} target must not be longer than the ${less} target`,
        `sla.firstResponseMinutes.${more}`,
      );
  }
}

/**
 * Writes only the keys the patch names (jsonb_set per key, in one transaction), so settings other
 * screens keep in Tenant.settings (bot, widget, retrieval…) are never overwritten.
 */
export async function saveSupportSettings(
  tenantId: string,
  actor: TActor,
  patch: TSupportSettingsPatch,
): Promise<TSupportSettings> {
  const client = await db();
  if (patch.sla || patch.vipDirectToHuman !== undefined) {
    await client.$transaction(async (tx) => {
      const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
      if (!tenant) throw notFound("Tenant");
      const current = parseSlaSettings(tenant.settings);
      const sla: TSlaSettings | null = patch.sla
        ? {
            firstResponseMinutes: { ...current.firstResponseMinutes, ...patch.sla.firstResponseMinutes },
            warnAt: patch.sla.warnAt ?? current.warnAt,
          }
        : null;
      if (sla) assertBandOrder(sla);
      const stored = (tenant.settings as { escalation?: unknown } | null)?.escalation;
      const escalation =
        patch.vipDirectToHuman === undefined
          ? null
          : { ...(isObject(stored) ? stored : {}), vipDirectToHuman: patch.vipDirectToHuman };
      if (sla)
        await tx.$executeRaw`
          UPDATE "Tenant"
          SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{sla}', ${JSON.stringify(sla)}::jsonb),
              "updatedAt" = now()
          WHERE id = ${tenantId}`;
      if (escalation)
        await tx.$executeRaw`
          UPDATE "Tenant"
          SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{escalation}', ${JSON.stringify(escalation)}::jsonb),
              "updatedAt" = now()
          WHERE id = ${tenantId}`;
      await recordAudit(tx, {
        tenantId,
        ...actor,
        action: "support_settings.updated",
        targetType: "tenant",
        targetId: tenantId,
        data: { fields: Object.keys(patch).filter((k) => k !== "notificationEmail") },
      });
    });
  }
  if (patch.notificationEmail !== undefined)
    await updateTenant(tenantId, actor, { notificationEmail: patch.notificationEmail });
  // the pipeline caches escalation settings per process (pipeline/config-cache.ts)
  await invalidateTenantConfig(tenantId);
  return getSupportSettings(tenantId);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
