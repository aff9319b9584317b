import { db } from "../db/client";
import { AppError } from "../errors";
import { can, type TPermission } from "./permissions";

/**
 * The tenant check every entry point shares (tRPC procedures, route handlers): the user must be a
 * member of the tenant (otherwise it is "not found", so tenants cannot be probed) and the role must
 * grant the permission.
 */
export async function requireTenantPermission(userId: string, tenantId: string, permission: TPermission) {
  const client = await db();
  const membership = await client.membership.findUnique({
    where: { tenantId_userId: { tenantId, userId } },
    select: { id: true, role: true, tenant: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Tenant not found");
  if (!can(membership.role, permission)) {
    throw new AppError("FORBIDDEN", "Your role does not allow this action", undefined, { permission });
  }
  return membership;
}
