import type { z } from "zod";
import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { TActor } from "../actor";
import { TENANT_VIEW_SELECT } from "./get-tenant";
import { isReservedSlug } from "./slug";
import type { ZUpdateTenantInput } from "./tenant-schemas";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

export async function updateTenant(
  tenantId: string,
  actor: TActor,
  input: z.infer<typeof ZUpdateTenantInput>,
) {
  if (input.slug && isReservedSlug(input.slug))
    throw new AppError("CONFLICT", "This address is reserved", "slug");
  const data = {
    ...input,
    notificationEmail: input.notificationEmail === "" ? null : input.notificationEmail,
  };
  const client = await db();
  try {
    const saved = await client.$transaction(async (tx) => {
      const res = await tx.tenant.updateMany({ where: { id: tenantId }, data });
      if (res.count === 0) throw notFound("Tenant");
      await recordAudit(tx, {
        tenantId,
        ...actor,
        action: "tenant.updated",
        targetType: "tenant",
        targetId: tenantId,
        data: { fields: Object.keys(input) },
      });
      return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: TENANT_VIEW_SELECT });
    });
    await invalidateTenantConfig(tenantId); // the pipeline's config cache
    return saved;
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "This address is already taken", "slug");
    }
    throw e;
  }
}
