import { can } from "../../auth/permissions";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";

// How many conversations an agent may hold at once (Membership.maxConcurrent, default 5); the
// workbench refuses a takeover or transfer beyond it. Only roles that can use the workbench have a
// capacity. Lowering it below an agent's current load takes nothing away: it only stops new ones.

export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 50;

export async function setMemberCapacity(
  tenantId: string,
  actor: TActor,
  userId: string,
  maxConcurrent: number,
) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { tenantId, userId },
      select: { id: true, role: true, maxConcurrent: true, user: { select: { email: true } } },
    });
    if (!member) throw notFound("Member");
    if (!can(member.role, "workbench.use"))
      throw new AppError("BAD_REQUEST", "This member's role cannot take conversations", "userId");
    await tx.membership.updateMany({ where: { id: member.id, tenantId }, data: { maxConcurrent } });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "member.capacity_changed",
      targetType: "member",
      targetId: member.id,
      data: { email: member.user.email, from: member.maxConcurrent, to: maxConcurrent },
    });
    return { userId, maxConcurrent };
  });
}
