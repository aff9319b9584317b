import { z } from "zod";
import {
  ZErpConnectionView,
  ZListSyncRunsInput,
  ZSaveErpConnection,
  ZSyncRunView,
  ZTestErpResult,
  ZUpdateErpConnection,
} from "../../services/erp/erp-connection-schemas";
import {
  createErpConnectionFromForm,
  deleteErpConnection,
  listErpConnections,
  updateErpConnection,
} from "../../services/erp/manage-erp-connections";
import { requestErpSync } from "../../services/erp/request-erp-sync";
import { getSyncRun, listSyncRuns } from "../../services/erp/sync-runs";
import { testErpConnection } from "../../services/erp/test-erp-connection";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

// ERP connections and their sync runs (settings → ERP). Admin-only ("integrations.manage"): the
// connection holds ERP credentials and a sync writes customers and orders.
const P = "integrations.manage" as const;

export const erpRouter = createRouter({
  list: tenantProcedure(P)
    .output(z.array(ZErpConnectionView))
    .query(({ ctx }) => listErpConnections(ctx.tenant.id)),

  create: tenantProcedure(P)
    .input(z.object({ connection: ZSaveErpConnection }))
    .output(ZErpConnectionView)
    .mutation(({ ctx, input }) => createErpConnectionFromForm(ctx.tenant.id, actorOf(ctx), input.connection)),

  update: tenantProcedure(P)
    .input(z.object({ connectionId: ZId, connection: ZUpdateErpConnection }))
    .output(ZErpConnectionView)
    .mutation(({ ctx, input }) =>
      updateErpConnection(ctx.tenant.id, actorOf(ctx), input.connectionId, input.connection),
    ),

  delete: tenantProcedure(P)
    .input(z.object({ connectionId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteErpConnection(ctx.tenant.id, actorOf(ctx), input.connectionId)),

  test: tenantProcedure(P)
    .input(z.object({ connectionId: ZId }))
    .output(ZTestErpResult)
    .mutation(({ ctx, input }) => testErpConnection(ctx.tenant.id, input.connectionId)),

  syncNow: tenantProcedure(P)
    .input(z.object({ connectionId: ZId }))
    .output(z.object({ requestedAt: z.date() }))
    .mutation(({ ctx, input }) => requestErpSync(ctx.tenant.id, input.connectionId)),

  runs: tenantProcedure(P)
    .input(ZListSyncRunsInput)
    .output(z.object({ items: z.array(ZSyncRunView), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listSyncRuns(ctx.tenant.id, input)),

  run: tenantProcedure(P)
    .input(z.object({ runId: ZId }))
    .output(ZSyncRunView)
    .query(({ ctx, input }) => getSyncRun(ctx.tenant.id, input.runId)),
});
