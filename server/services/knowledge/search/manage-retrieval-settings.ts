import { z } from "zod";
import { db } from "../../../db/client";
import { AppError, notFound } from "../../../errors";
import type { TActor } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import { invalidateTenantConfig } from "../../tenant-config/invalidate";
import {
  loadRetrievalSettings,
  parseRetrievalSettings,
  ZRetrievalSettings,
  type TRetrievalSettings,
} from "./retrieval-settings";

// The knowledge settings screen's retrieval tuning (Tenant.settings.retrieval). A patch names only the
// fields it changes; the merged result is validated as a whole and written to that one key, so
// settings other screens keep in Tenant.settings (bot, sla, widget…) are never overwritten.

const shape = ZRetrievalSettings.shape;
export const ZRetrievalSettingsPatch = z.object({
  vectorWeight: shape.vectorWeight.unwrap().optional(),
  keywordWeight: shape.keywordWeight.unwrap().optional(),
  fusion: shape.fusion.unwrap().optional(),
  directAnswerThreshold: shape.directAnswerThreshold.unwrap().optional(),
});
export type TRetrievalSettingsPatch = z.infer<typeof ZRetrievalSettingsPatch>;

export function getRetrievalSettings(tenantId: string): Promise<TRetrievalSettings> {
  return loadRetrievalSettings(tenantId);
}

export async function saveRetrievalSettings(
  tenantId: string,
  actor: TActor,
  patch: TRetrievalSettingsPatch,
): Promise<TRetrievalSettings> {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    if (!tenant) throw notFound("Tenant");
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const merged = ZRetrievalSettings.safeParse({ ...parseRetrievalSettings(tenant.settings), ...defined });
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new AppError("BAD_REQUEST", issue.message, issue.path.join(".") || undefined);
    }
    // both weights at zero would rank every candidate equally
    if (merged.data.vectorWeight + merged.data.keywordWeight <= 0)
      throw new AppError("BAD_REQUEST", "At least one weight must be above zero", "vectorWeight");
    await tx.$executeRaw`
      UPDATE "Tenant"
      SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{retrieval}', ${JSON.stringify(merged.data)}::jsonb),
          "updatedAt" = now()
      WHERE id = ${tenantId}`;
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "knowledge.retrieval_updated",
      targetType: "tenant",
      targetId: tenantId,
      data: { fields: Object.keys(defined), ...merged.data },
    });
    return merged.data;
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}
