import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey, ZApiKeyName } from "../../services/apikeys/api-keys";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const apiKeysRouter = createRouter({
  list: tenantProcedure("apikeys.manage")
    .output(z.array(ZApiKey))
    .query(({ ctx }) => listApiKeys(ctx.tenant.id)),

  create: tenantProcedure("apikeys.manage")
    .input(z.object({ name: ZApiKeyName }))
    .output(
      z.object({
        id: z.string(),
        name: z.string(),
        prefix: z.string(),
        createdAt: z.date(),
        key: z.string(),
      }),
    )
    .mutation(({ ctx, input }) => createApiKey(ctx.tenant.id, actorOf(ctx), input.name)),

  revoke: tenantProcedure("apikeys.manage")
    .input(z.object({ apiKeyId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.tenant.id, actorOf(ctx), input.apiKeyId)),
});
