import { z } from "zod";
import { db } from "../../db/client";
import { ErpError, type ErpConnector, type TErpPage } from "./connector";
import { connectorFor } from "./erp-connections";
import { upsertErpCustomer, upsertErpOrder, upsertErpProduct } from "./erp-upserts";

// Pulls customers, products and orders (in that order, so orders can link to the customers just
// pulled) page by page. Each entity gets a SyncRun with counts, errors and duration. Rows are written
// as each page arrives, so a failure mid-sync keeps the pages already done; the run is marked FAILED
// with the error and the remaining entities are not attempted. The next run re-reads from the start
// and upserts, which never duplicates.

export const ZSyncTrigger = z.enum(["SCHEDULE", "MANUAL"]);
export type TSyncTrigger = z.infer<typeof ZSyncTrigger>;
type TEntity = "customers" | "products" | "orders";
type TCounts = Record<string, number>;
export type TSyncOutcome = {
  ok: boolean;
  runs: { id: string; entity: TEntity; status: "SUCCEEDED" | "FAILED" }[];
  error?: string;
  /** false for credential failures: retrying a bad login gets the ERP user captcha-locked */
  retryable?: boolean;
};

const MAX_PAGES = 10_000; // a guard against an ERP that always reports another page

/** Reads every page, writing each page before the next is fetched; `write` returns the counter to bump. */
async function pullPages<T>(
  fetchPage: (cursor: string | null) => Promise<TErpPage<T>>,
  write: (item: T) => Promise<string>,
  counts: TCounts,
) {
  let cursor: string | null = null;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result: TErpPage<T> = await fetchPage(cursor);
    for (const item of result.items) {
      const key = await write(item);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    counts.pages = page;
    if (!result.nextCursor) return;
    cursor = result.nextCursor;
  }
}

function pullEntity(tenantId: string, connector: ErpConnector, entity: TEntity, counts: TCounts) {
  if (entity === "customers")
    return pullPages(
      (cur) => connector.listCustomers(cur),
      (c) => upsertErpCustomer(tenantId, c),
      counts,
    );
  if (entity === "products")
    return pullPages(
      (cur) => connector.listProducts(cur),
      (p) => upsertErpProduct(tenantId, p).then(() => "upserted"),
      counts,
    );
  return pullPages(
    (cur) => connector.listOrders(cur),
    async (o) => ((await upsertErpOrder(tenantId, o)).linked ? "linked" : "unlinked"),
    counts,
  );
}

export async function syncErp(
  tenantId: string,
  connectionId: string,
  trigger: TSyncTrigger,
): Promise<TSyncOutcome> {
  const client = await db();
  const connector = await connectorFor(tenantId, connectionId);
  const runs: TSyncOutcome["runs"] = [];
  for (const entity of ["customers", "products", "orders"] as const) {
    const run = await client.syncRun.create({
      data: { tenantId, connectionId, trigger, entity },
      select: { id: true, startedAt: true },
    });
    const counts: TCounts = {};
    let error: string | undefined;
    let retryable = true;
    try {
      await pullEntity(tenantId, connector, entity, counts);
    } catch (e) {
      error = (e as Error).message;
      retryable = !(e instanceof ErpError && e.kind === "auth");
    }
    const finishedAt = new Date();
    const status = error ? "FAILED" : "SUCCEEDED";
    await client.syncRun.updateMany({
      where: { id: run.id, tenantId },
      data: {
        status,
        counts,
        errors: error ? [{ page: (counts.pages ?? 0) + 1, message: error }] : [],
        finishedAt,
        durationMs: finishedAt.getTime() - run.startedAt.getTime(),
      },
    });
    runs.push({ id: run.id, entity, status });
    if (error) return { ok: false, runs, error, retryable };
  }
  await client.erpConnection.updateMany({
    where: { id: connectionId, tenantId },
    data: { lastSyncAt: new Date() },
  });
  return { ok: true, runs };
}
