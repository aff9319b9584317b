import type { CustomerLevel } from "../../db/generated/prisma/enums";
import { db } from "../../db/client";
import { notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { TCustomerSummary } from "./customer-schemas";
import { SUMMARY_SELECT, toSummary } from "./list-customers";

// Manual decisions on a customer: a level override (wins over the computed level until cleared)
// and the VIP flag. Both change how the pipeline and the queue treat the customer, so both are audited.

async function updateContact(
  tenantId: string,
  actor: TActor,
  contactId: string,
  data: { levelOverride: CustomerLevel | null } | { vip: boolean },
  action: string,
): Promise<TCustomerSummary> {
  const client = await db();
  return client.$transaction(async (tx) => {
    const res = await tx.contact.updateMany({ where: { id: contactId, tenantId }, data });
    if (res.count === 0) throw notFound("Customer");
    await recordAudit(tx, { tenantId, ...actor, action, targetType: "contact", targetId: contactId, data });
    const row = await tx.contact.findFirstOrThrow({
      where: { id: contactId, tenantId },
      select: SUMMARY_SELECT,
    });
    return toSummary(row);
  });
}

export function setLevelOverride(
  tenantId: string,
  actor: TActor,
  contactId: string,
  level: CustomerLevel | null,
) {
  return updateContact(tenantId, actor, contactId, { levelOverride: level }, "customer.level_override");
}

export function setVip(tenantId: string, actor: TActor, contactId: string, vip: boolean) {
  return updateContact(tenantId, actor, contactId, { vip }, "customer.vip");
}
