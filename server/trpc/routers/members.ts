import { z } from "zod";
import { changeRole } from "../../services/members/change-role";
import { listMembers } from "../../services/members/list-members";
import { removeMember } from "../../services/members/remove-member";
import { CAPACITY_MAX, CAPACITY_MIN, setMemberCapacity } from "../../services/members/set-capacity";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk, ZRole } from "../schemas";

const ZMember = z.object({
  id: z.string(),
  role: ZRole,
  presence: z.string(),
  maxConcurrent: z.number(),
  joinedAt: z.date(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  lastLoginAt: z.date().nullable(),
});

export const membersRouter = createRouter({
  list: tenantProcedure("members.read")
    .output(z.array(ZMember))
    .query(({ ctx }) => listMembers(ctx.tenant.id)),

  changeRole: tenantProcedure("members.manage")
    .input(z.object({ membershipId: ZId, role: ZRole }))
    .output(z.object({ id: z.string(), role: ZRole }))
    .mutation(({ ctx, input }) =>
      changeRole(ctx.tenant.id, { ...actorOf(ctx), role: ctx.role }, input.membershipId, input.role),
    ),

  remove: tenantProcedure("members.manage")
    .input(z.object({ membershipId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) =>
      removeMember(ctx.tenant.id, { ...actorOf(ctx), role: ctx.role }, input.membershipId),
    ),

  setCapacity: tenantProcedure("members.manage")
    .input(z.object({ userId: ZId, maxConcurrent: z.number().int().min(CAPACITY_MIN).max(CAPACITY_MAX) }))
    .output(z.object({ userId: z.string(), maxConcurrent: z.number() }))
    .mutation(({ ctx, input }) =>
      setMemberCapacity(ctx.tenant.id, actorOf(ctx), input.userId, input.maxConcurrent),
    ),
});
