import { db } from "../../db/client";
import { listAlertRules } from "./alert-rules";
import { measureAlert, type TMeasurement } from "./measure-alerts";

// One check of a tenant's alert rules. A condition that starts opens an AlertEvent, one that clears
// (or whose rule was switched off) resolves it. At most one event per kind is open at a time: the
// writes run under a per-tenant advisory lock, so two checks at once (a slow tick overlapping the
// next, or two instances) see each other's events and never open a duplicate — and never mail twice.
// DEVICE_OFFLINE is one event for all offline devices (its message lists them), so a flapping fleet
// does not become a storm of mails.

export type TCheckResult = { opened: string[]; resolved: string[]; updated: string[] };

export async function checkAlerts(tenantId: string, now = new Date()): Promise<TCheckResult> {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { timezone: true } });
  if (!tenant) return { opened: [], resolved: [], updated: [] };
  const rules = await listAlertRules(tenantId);
  const measured = new Map<string, TMeasurement>();
  for (const rule of rules.filter((r) => r.enabled))
    measured.set(rule.kind, await measureAlert(tenantId, rule.kind, rule.threshold, now, tenant.timezone));

  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`kefu:alerts:${tenantId}`}))`;
    const open = await tx.alertEvent.findMany({
      where: { tenantId, resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, value: true, message: true },
    });
    const result: TCheckResult = { opened: [], resolved: [], updated: [] };
    const openByKind = new Map<string, (typeof open)[number]>();
    for (const e of open) {
      // an older duplicate (should not exist) is resolved rather than left open forever
      if (openByKind.has(e.kind)) {
        await tx.alertEvent.update({ where: { id: e.id }, data: { resolvedAt: now } });
        result.resolved.push(e.id);
      } else openByKind.set(e.kind, e);
    }
    for (const rule of rules) {
      const m = measured.get(rule.kind);
      const current = openByKind.get(rule.kind);
      if (m?.firing && !current) {
        const created = await tx.alertEvent.create({
          data: { tenantId, kind: rule.kind, value: m.value, message: m.message, createdAt: now },
          select: { id: true },
        });
        result.opened.push(created.id);
      } else if (m?.firing && current && (current.value !== m.value || current.message !== m.message)) {
        // still open: keep the shown value current, without a new event or mail
        await tx.alertEvent.update({
          where: { id: current.id },
          data: { value: m.value, message: m.message },
        });
        result.updated.push(current.id);
      } else if (!m?.firing && current) {
        await tx.alertEvent.update({ where: { id: current.id }, data: { resolvedAt: now } });
        result.resolved.push(current.id);
      }
    }
    return result;
  });
}
