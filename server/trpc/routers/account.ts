import { z } from "zod";
import { permissionsOf } from "../../auth/permissions";
import { db } from "../../db/client";
import { ZCompanyName, ZSignUpInput } from "../../services/accounts/schemas";
import { signUp } from "../../services/accounts/sign-up";
import { createTenant } from "../../services/tenants/create-tenant";
import { listMyTenants } from "../../services/tenants/list-my-tenants";
import { actorOf } from "../actor";
import { authedProcedure, createRouter, publicProcedure } from "../init";
import { perIp, rateLimit } from "../../rate-limit";
import { ZRole, ZTenantSummary } from "../schemas";

const ZMe = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  lastTenantId: z.string().nullable(),
  tenants: z.array(ZTenantSummary.extend({ role: ZRole, permissions: z.array(z.string()) })),
});

export const accountRouter = createRouter({
  me: authedProcedure.output(ZMe).query(async ({ ctx }) => {
    const client = await db();
    const u = await client.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { lastTenantId: true },
    });
    const tenants = await listMyTenants(ctx.user.id);
    return {
      user: ctx.user,
      lastTenantId: u.lastTenantId,
      tenants: tenants.map((t) => ({ ...t, permissions: permissionsOf(t.role) })),
    };
  }),

  signUp: publicProcedure
    .input(ZSignUpInput.extend({ language: z.enum(["zh-CN", "en"]).optional() }))
    .output(z.object({ userId: z.string(), tenant: ZTenantSummary }))
    .mutation(async ({ ctx, input }) => {
      await rateLimit("signup", ctx.ip ?? "unknown", { points: perIp(20), durationSec: 3600 });
      const { user, tenant } = await signUp(input, { ip: ctx.ip, language: input.language });
      return { userId: user.id, tenant };
    }),

  createTenant: authedProcedure
    .input(z.object({ name: ZCompanyName }))
    .output(ZTenantSummary)
    .mutation(({ ctx, input }) => createTenant(actorOf(ctx), input)),

  /** Remembers the tenant a user last worked in, so the next sign-in opens it. */
  rememberTenant: authedProcedure
    .input(z.object({ tenantId: z.string().uuid() }))
    .output(z.object({ ok: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const client = await db();
      const member = await client.membership.count({
        where: { tenantId: input.tenantId, userId: ctx.user.id },
      });
      if (member)
        await client.user.update({ where: { id: ctx.user.id }, data: { lastTenantId: input.tenantId } });
      return { ok: member > 0 };
    }),
});
