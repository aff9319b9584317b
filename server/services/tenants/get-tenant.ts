import { db } from "../../db/client";
import { notFound } from "../../errors";

export const TENANT_VIEW_SELECT = {
  id: true,
  name: true,
  slug: true,
  timezone: true,
  language: true,
  notificationEmail: true,
  createdAt: true,
} as const;

export async function getTenant(tenantId: string) {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: TENANT_VIEW_SELECT });
  if (!tenant) throw notFound("Tenant");
  return tenant;
}
