import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { TActor } from "../actor";

/** The owner hands the tenant to another member and becomes an ADMIN. */
export async function transferOwnership(tenantId: string, actor: TActor, toMembershipId: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: toMembershipId, tenantId },
      select: { id: true, userId: true, user: { select: { email: true } } },
    });
    if (!target) throw notFound("Member");
    if (target.userId === actor.actorId) throw new AppError("BAD_REQUEST", "You already own this tenant");
    const demoted = await tx.membership.updateMany({
      where: { tenantId, userId: actor.actorId, role: "OWNER" },
      data: { role: "ADMIN" },
    });
    if (demoted.count === 0) throw new AppError("FORBIDDEN", "Only the owner can transfer ownership");
    await tx.membership.updateMany({ where: { id: target.id, tenantId }, data: { role: "OWNER" } });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "tenant.ownership_transferred",
      targetType: "member",
      targetId: target.id,
      data: { to: target.user.email },
    });
    return { ok: true as const };
  });
}
