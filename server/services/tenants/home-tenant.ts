import { db } from "../../db/client";
import { listMyTenants } from "./list-my-tenants";

/**
 * Where a signed-in user lands: the tenant they last worked in (User.lastTenantId) if they still
 * belong to it, else their first membership. `user: false` when the user no longer exists (a session
 * that outlived its account); `slug: null` when they belong to no tenant.
 */
export async function homeTenant(userId: string): Promise<{ user: boolean; slug: string | null }> {
  const client = await db();
  const user = await client.user.findUnique({ where: { id: userId }, select: { lastTenantId: true } });
  if (!user) return { user: false, slug: null };
  const tenants = await listMyTenants(userId);
  const last = tenants.find((t) => t.id === user.lastTenantId) ?? tenants[0];
  return { user: true, slug: last?.slug ?? null };
}
