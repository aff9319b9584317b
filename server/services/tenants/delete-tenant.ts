import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";

/** Deletes the tenant and, by cascade, every row it owns. The caller must type the slug to confirm. */
export async function deleteTenant(tenantId: string, confirmSlug: string) {
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
  if (!tenant) throw notFound("Tenant");
  if (tenant.slug !== confirmSlug)
    throw new AppError("BAD_REQUEST", "Type the tenant's address to confirm", "confirmSlug");
  await client.tenant.deleteMany({ where: { id: tenantId } });
  return { ok: true as const };
}
