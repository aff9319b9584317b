import { db } from "../../db/client";

export async function listMembers(tenantId: string) {
  const client = await db();
  const rows = await client.membership.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      presence: true,
      maxConcurrent: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, lastLoginAt: true } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    role: m.role,
    presence: m.presence,
    maxConcurrent: m.maxConcurrent,
    joinedAt: m.createdAt,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    lastLoginAt: m.user.lastLoginAt,
  }));
}
