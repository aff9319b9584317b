import type { Prisma } from "../../db/generated/prisma/client";
import type { Role } from "../../db/generated/prisma/enums";
import { AppError, notFound } from "../../errors";

/**
 * Who may change whom: nobody changes the OWNER here (ownership is transferred), nobody changes their
 * own role, and only the OWNER may change or remove an ADMIN.
 */
export function assertMayManage(
  actor: { userId: string; role: Role },
  target: { userId: string; role: Role },
) {
  if (target.role === "OWNER")
    throw new AppError("FORBIDDEN", "The owner cannot be changed; transfer ownership instead");
  if (target.userId === actor.userId)
    throw new AppError("FORBIDDEN", "You cannot change your own membership");
  if (target.role === "ADMIN" && actor.role !== "OWNER")
    throw new AppError("FORBIDDEN", "Only the owner can manage admins");
}

export function assertMayGrant(actorRole: Role, role: Role) {
  if (role === "OWNER")
    throw new AppError("BAD_REQUEST", "Use transfer ownership to make someone the owner", "role");
  if (role === "ADMIN" && actorRole !== "OWNER")
    throw new AppError("FORBIDDEN", "Only the owner can grant the admin role", "role");
}

/** Loads a member of the tenant (NOT_FOUND otherwise) and checks the actor may manage them. */
export async function findManageableMember(
  tx: Prisma.TransactionClient,
  tenantId: string,
  membershipId: string,
  actor: { actorId: string; role: Role },
) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, tenantId },
    select: { id: true, userId: true, role: true, user: { select: { email: true } } },
  });
  if (!target) throw notFound("Member");
  assertMayManage({ userId: actor.actorId, role: actor.role }, target);
  return target;
}
