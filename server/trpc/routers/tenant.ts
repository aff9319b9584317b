import { z } from "zod";
import { permissionsOf } from "../../auth/permissions";
import { deleteTenant } from "../../services/tenants/delete-tenant";
import { getTenant } from "../../services/tenants/get-tenant";
import { ZTenantView, ZUpdateTenantInput } from "../../services/tenants/tenant-schemas";
import { transferOwnership } from "../../services/tenants/transfer-ownership";
import { updateTenant } from "../../services/tenants/update-tenant";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk, ZRole } from "../schemas";

export const tenantRouter = createRouter({
  get: tenantProcedure("tenant.read")
    .output(ZTenantView.extend({ role: ZRole, permissions: z.array(z.string()) }))
    .query(async ({ ctx }) => ({
      ...(await getTenant(ctx.tenant.id)),
      role: ctx.role,
      permissions: permissionsOf(ctx.role),
    })),

  update: tenantProcedure("tenant.update")
    .input(ZUpdateTenantInput)
    .output(ZTenantView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...fields } = input;
      return updateTenant(ctx.tenant.id, actorOf(ctx), fields);
    }),

  transferOwnership: tenantProcedure("tenant.transfer")
    .input(z.object({ membershipId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => transferOwnership(ctx.tenant.id, actorOf(ctx), input.membershipId)),

  delete: tenantProcedure("tenant.delete")
    .input(z.object({ confirmSlug: z.string().max(60) }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteTenant(ctx.tenant.id, input.confirmSlug)),
});
