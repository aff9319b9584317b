import { db } from "../../db/client";

export async function listMyTenants(userId: string) {
  const client = await db();
  const rows = await client.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, tenant: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}
