import type { Prisma } from "../../db/generated/prisma/client";

// An agent's load: HUMAN conversations assigned to them, against Membership.maxConcurrent. Checking
// and then assigning is only safe under a lock, so this takes the member's row FOR UPDATE: two
// takeovers (or transfer accepts) by the same agent at once queue up and the second one counts the
// first one's conversation.

type TTx = Prisma.TransactionClient;

export async function lockCapacity(
  tx: TTx,
  tenantId: string,
  userId: string,
): Promise<{ active: number; maxConcurrent: number; full: boolean } | null> {
  const rows = await tx.$queryRaw<{ maxConcurrent: number }[]>`
    SELECT "maxConcurrent" FROM "Membership"
    WHERE "tenantId" = ${tenantId} AND "userId" = ${userId}
    FOR UPDATE`;
  if (!rows.length) return null;
  const maxConcurrent = Number(rows[0]!.maxConcurrent);
  const active = await tx.conversation.count({ where: { tenantId, assigneeId: userId, status: "HUMAN" } });
  return { active, maxConcurrent, full: active >= maxConcurrent };
}
