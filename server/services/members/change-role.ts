import { db } from "../../db/client";
import type { Role } from "../../db/generated/prisma/enums";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { assertMayGrant, findManageableMember } from "./member-guards";

export async function changeRole(
  tenantId: string,
  actor: TActor & { role: Role },
  membershipId: string,
  role: Role,
) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const target = await findManageableMember(tx, tenantId, membershipId, actor);
    assertMayGrant(actor.role, role);
    await tx.membership.updateMany({ where: { id: membershipId, tenantId }, data: { role } });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "member.role_changed",
      targetType: "member",
      targetId: membershipId,
      data: { email: target.user.email, from: target.role, to: role },
    });
    return { id: membershipId, role };
  });
}
