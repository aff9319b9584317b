import { db } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import type { TActor } from "../actor";
import { createTenantRecord } from "./create-tenant-record";

/** A signed-in user creates another tenant (a second company or a sandbox) and owns it. */
export async function createTenant(actor: TActor, input: { name: string }) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const tenant = await createTenantRecord(tx, { name: input.name, ownerId: actor.actorId });
    await recordAudit(tx, {
      tenantId: tenant.id,
      ...actor,
      action: "tenant.created",
      targetType: "tenant",
      targetId: tenant.id,
    });
    return tenant;
  });
}
