import type { z } from "zod";
import { db } from "../../db/client";
import { cursorPage } from "../../db/cursor-page";
import { notFound } from "../../errors";
import { ZSyncRunError, type TSyncRunView, type ZListSyncRunsInput } from "./erp-connection-schemas";

// The sync runs table: newest first, keyset paged on (startedAt, id). counts and errors are JSON
// written by sync-erp.ts / push-customers.ts; anything unexpected in them is dropped, not shown raw.

const SELECT = {
  id: true,
  connectionId: true,
  trigger: true,
  entity: true,
  status: true,
  counts: true,
  errors: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  connection: { select: { name: true } },
} as const;

type TRow = {
  id: string;
  connectionId: string;
  trigger: string;
  entity: string;
  status: TSyncRunView["status"];
  counts: unknown;
  errors: unknown;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  connection: { name: string };
};

function toView(r: TRow): TSyncRunView {
  const counts = Object.fromEntries(
    Object.entries(r.counts && typeof r.counts === "object" ? r.counts : {}).filter(
      (e): e is [string, number] => typeof e[1] === "number",
    ),
  );
  const errors = (Array.isArray(r.errors) ? r.errors : [])
    .map((e) => ZSyncRunError.safeParse(e))
    .flatMap((p) => (p.success ? [p.data] : []));
  const { connection, ...rest } = r;
  return {
    ...rest,
    trigger: r.trigger === "SCHEDULE" ? "SCHEDULE" : "MANUAL",
    counts,
    errors,
    connectionName: connection.name,
  };
}

export async function listSyncRuns(tenantId: string, input: z.infer<typeof ZListSyncRunsInput>) {
  const client = await db();
  if (input.connectionId) {
    const conn = await client.erpConnection.findFirst({
      where: { id: input.connectionId, tenantId },
      select: { id: true },
    });
    if (!conn) throw notFound("ERP connection");
  }
  if (input.cursor) {
    // a cursor from another tenant must not position this tenant's page
    const own = await client.syncRun.findFirst({
      where: { id: input.cursor, tenantId },
      select: { id: true },
    });
    if (!own) throw notFound("Sync run");
  }
  const rows = await client.syncRun.findMany({
    where: { tenantId, ...(input.connectionId ? { connectionId: input.connectionId } : {}) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: SELECT,
  });
  const page = cursorPage(rows, input.limit);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function getSyncRun(tenantId: string, runId: string): Promise<TSyncRunView> {
  const client = await db();
  const row = await client.syncRun.findFirst({ where: { id: runId, tenantId }, select: SELECT });
  if (!row) throw notFound("Sync run");
  return toView(row);
}
