import { db } from "../../db/client";
import type { Role } from "../../db/generated/prisma/enums";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { findManageableMember } from "./member-guards";

export async function removeMember(tenantId: string, actor: TActor & { role: Role }, membershipId: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const target = await findManageableMember(tx, tenantId, membershipId, actor);
    await tx.membership.deleteMany({ where: { id: membershipId, tenantId } });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "member.removed",
      targetType: "member",
      targetId: membershipId,
      data: { email: target.user.email, role: target.role },
    });
    return { ok: true as const };
  });
}
