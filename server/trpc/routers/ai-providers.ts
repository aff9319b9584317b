import { z } from "zod";
import { emit } from "../../../inngest/emit";
import {
  createProvider,
  deleteProvider,
  embedderSignature,
  listProviders,
  reorderProviders,
  setProviderEnabled,
  updateProvider,
} from "../../services/providers/manage-providers";
import {
  ZCreateProviderInput,
  ZProviderPurpose,
  ZProviderView,
  ZTestConnectionResult,
  ZUpdateProviderInput,
} from "../../services/providers/provider-schemas";
import { testProviderConnection } from "../../services/providers/test-connection";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

/**
 * Runs a change and, when it changed which embedder the knowledge index depends on (the first enabled
 * EMBEDDING provider's endpoint, model or dimension), asks for the tenant's knowledge to be re-indexed.
 */
async function watchEmbedder<T>(tenantId: string, change: () => Promise<T>): Promise<T> {
  const before = await embedderSignature(tenantId);
  const out = await change();
  if ((await embedderSignature(tenantId)) !== before)
    await emit("kefu/knowledge.reindex-requested", { tenantId, reason: "embedder" });
  return out;
}

export const aiProvidersRouter = createRouter({
  list: tenantProcedure("providers.manage")
    .output(z.array(ZProviderView))
    .query(({ ctx }) => listProviders(ctx.tenant.id)),

  create: tenantProcedure("providers.manage")
    .input(ZCreateProviderInput)
    .output(ZProviderView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...fields } = input;
      return watchEmbedder(ctx.tenant.id, () => createProvider(ctx.tenant.id, actorOf(ctx), fields));
    }),

  update: tenantProcedure("providers.manage")
    .input(ZUpdateProviderInput.extend({ providerId: ZId }))
    .output(ZProviderView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, providerId, ...fields } = input;
      return watchEmbedder(ctx.tenant.id, () =>
        updateProvider(ctx.tenant.id, actorOf(ctx), providerId, fields),
      );
    }),

  setEnabled: tenantProcedure("providers.manage")
    .input(z.object({ providerId: ZId, enabled: z.boolean() }))
    .output(ZOk)
    .mutation(({ ctx, input }) =>
      watchEmbedder(ctx.tenant.id, () =>
        setProviderEnabled(ctx.tenant.id, actorOf(ctx), input.providerId, input.enabled),
      ),
    ),

  delete: tenantProcedure("providers.manage")
    .input(z.object({ providerId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) =>
      watchEmbedder(ctx.tenant.id, () => deleteProvider(ctx.tenant.id, actorOf(ctx), input.providerId)),
    ),

  reorder: tenantProcedure("providers.manage")
    .input(z.object({ purpose: ZProviderPurpose, providerIds: z.array(ZId).min(1).max(100) }))
    .output(ZOk)
    .mutation(({ ctx, input }) =>
      watchEmbedder(ctx.tenant.id, () =>
        reorderProviders(ctx.tenant.id, actorOf(ctx), input.purpose, input.providerIds),
      ),
    ),

  testConnection: tenantProcedure("providers.manage")
    .input(z.object({ providerId: ZId }))
    .output(ZTestConnectionResult)
    .mutation(({ ctx, input }) => testProviderConnection(ctx.tenant.id, input.providerId)),
});
