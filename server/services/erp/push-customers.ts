import { db } from "../../db/client";
import { connectorFor } from "./erp-connections";
import { erpAdmission } from "./erp-admission";

// Pushes qualified local contacts (see erp-admission.ts) that the ERP does not know yet. A pushed
// contact gets the ERP's code back, so the next push skips it; contacts that already have an ERP code
// are not re-sent, because the ERP wins for every field we could send (phone, company, code).
// Recorded as a SyncRun with entity "push".

const BATCH = 200;

export async function pushQualifiedCustomers(
  tenantId: string,
  connectionId: string,
  trigger: "SCHEDULE" | "MANUAL",
) {
  const client = await db();
  const connector = await connectorFor(tenantId, connectionId);
  const run = await client.syncRun.create({
    data: { tenantId, connectionId, trigger, entity: "push" },
    select: { id: true, startedAt: true },
  });
  // the database pre-filters on the admission rule; erpAdmission has the final word
  const candidates = await client.contact.findMany({
    where: {
      tenantId,
      erpCode: null,
      OR: [
        { vip: true },
        { score: { gte: 80 } },
        { dealAmount: { gt: 1000 }, inquiryCount: { gte: 3 } },
        { orders: { some: {} } },
      ],
    },
    select: {
      id: true,
      vip: true,
      score: true,
      dealAmount: true,
      inquiryCount: true,
      name: true,
      phone: true,
      company: true,
      _count: { select: { orders: true } },
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const counts = { candidates: candidates.length, pushed: 0, skipped: 0, failed: 0 };
  const errors: { contactId: string; message: string }[] = [];
  for (const c of candidates) {
    const verdict = erpAdmission({
      ...c,
      erpCode: null,
      orderCount: c._count.orders,
      dealAmount: Number(c.dealAmount),
    });
    if (!verdict.admit) {
      counts.skipped++;
      continue;
    }
    try {
      const name = c.name ?? c.company ?? c.phone ?? "";
      const erpCode = await connector.pushCustomer({ name, phone: c.phone, company: c.company });
      await client.contact.updateMany({
        where: { id: c.id, tenantId, erpCode: null },
        data: { erpCode, erpSyncedAt: new Date() },
      });
      counts.pushed++;
    } catch (e) {
      counts.failed++;
      errors.push({ contactId: c.id, message: (e as Error).message });
    }
  }
  const finishedAt = new Date();
  await client.syncRun.updateMany({
    where: { id: run.id, tenantId },
    data: {
      status: counts.failed > 0 ? "FAILED" : "SUCCEEDED",
      counts,
      errors,
      finishedAt,
      durationMs: finishedAt.getTime() - run.startedAt.getTime(),
    },
  });
  return { runId: run.id, ...counts };
}
