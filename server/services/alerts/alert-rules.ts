import { db } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import type { TActor } from "../actor";
import {
  ALERT_KIND_SPECS,
  ALERT_KINDS,
  ZAlertKind,
  type TAlertKind,
  type TAlertRule,
  type TUpdateAlertRuleInput,
} from "./alert-kinds";

// A tenant's alert rules: one AlertRule row per kind once an admin saved it, the defaults (enabled)
// until then — so every tenant is watched from the start.

export async function listAlertRules(tenantId: string): Promise<TAlertRule[]> {
  const client = await db();
  const rows = await client.alertRule.findMany({
    where: { tenantId },
    select: { kind: true, threshold: true, enabled: true },
  });
  const saved = new Map<TAlertKind, { threshold: number; enabled: boolean }>();
  for (const r of rows) {
    const kind = ZAlertKind.safeParse(r.kind);
    if (kind.success) saved.set(kind.data, r);
  }
  return ALERT_KINDS.map((kind) => {
    const spec = ALERT_KIND_SPECS[kind];
    const row = saved.get(kind);
    return {
      kind,
      enabled: row?.enabled ?? true,
      threshold: row?.threshold ?? spec.defaultThreshold,
      defaultThreshold: spec.defaultThreshold,
      min: spec.min,
      max: spec.max,
    };
  });
}

export async function updateAlertRule(
  tenantId: string,
  actor: TActor,
  input: TUpdateAlertRuleInput,
): Promise<TAlertRule[]> {
  const client = await db();
  await client.$transaction(async (tx) => {
    await tx.alertRule.upsert({
      where: { tenantId_kind: { tenantId, kind: input.kind } },
      create: { tenantId, kind: input.kind, threshold: input.threshold, enabled: input.enabled },
      update: { threshold: input.threshold, enabled: input.enabled },
    });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "alert-rule.updated",
      targetType: "alert-rule",
      targetId: input.kind,
      data: { threshold: input.threshold, enabled: input.enabled },
    });
  });
  return listAlertRules(tenantId);
}
