import { emit } from "../../../inngest/emit";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { assertErpUrlAllowed } from "./erp-url-guard";

// "Sync now": checks the connection can run and emits the sync event; the job (inngest/functions/erp/
// sync-erp.ts) creates one SyncRun per entity, which the runs table shows as they start. A sync that is
// still running blocks a second one, so a double click does not pull everything twice in parallel.

const STALE_RUN_MS = 30 * 60_000; // a RUNNING run older than this is taken as a crashed process

export async function requestErpSync(tenantId: string, connectionId: string, now = new Date()) {
  const client = await db();
  const conn = await client.erpConnection.findFirst({
    where: { id: connectionId, tenantId },
    select: { baseUrl: true, enabled: true, credentialsEnc: true },
  });
  if (!conn) throw notFound("ERP connection");
  if (!conn.enabled) throw new AppError("CONFLICT", "This ERP connection is disabled");
  if (!conn.credentialsEnc) throw new AppError("BAD_REQUEST", "This ERP connection has no credentials");
  await assertErpUrlAllowed(conn.baseUrl);
  const running = await client.syncRun.findFirst({
    where: {
      tenantId,
      connectionId,
      status: "RUNNING",
      startedAt: { gt: new Date(now.getTime() - STALE_RUN_MS) },
    },
    select: { id: true },
  });
  if (running) throw new AppError("CONFLICT", "A sync of this connection is already running");
  const requestedAt = new Date();
  await emit("kefu/erp.sync-requested", { tenantId, connectionId, trigger: "MANUAL" });
  return { requestedAt };
}
