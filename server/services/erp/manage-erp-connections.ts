import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import {
  ZErpSchedule,
  ZSaveErpConnection,
  ZUpdateErpConnection,
  type TErpConnectionView,
  type TSaveErpConnection,
  type TUpdateErpConnection,
} from "./erp-connection-schemas";
import { sealErpCredentials } from "./erp-credentials";
import { checkErpUrlSyntax } from "./erp-url-guard";

// The ERP settings page's list / create / update / delete. Each write and its audit entry share a
// transaction. Credentials are sealed on the way in and never selected on the way out.

const SELECT = {
  id: true,
  name: true,
  kind: true,
  baseUrl: true,
  config: true,
  schedule: true,
  enabled: true,
  credentialsEnc: true,
  lastSyncAt: true,
  createdAt: true,
  runs: { orderBy: { startedAt: "desc" }, take: 1, select: { status: true, startedAt: true } },
} satisfies Prisma.ErpConnectionSelect;

type TRow = Prisma.ErpConnectionGetPayload<{ select: typeof SELECT }>;

function toView(row: TRow): TErpConnectionView {
  const { credentialsEnc, runs, config, schedule, ...rest } = row;
  return {
    ...rest,
    config: config && typeof config === "object" && !Array.isArray(config) ? (config as never) : {},
    schedule: ZErpSchedule.catch("off").parse(schedule ?? "off"),
    credentialsSet: Boolean(credentialsEnc),
    lastRun: runs[0] ?? null,
  };
}

export async function listErpConnections(tenantId: string): Promise<TErpConnectionView[]> {
  const client = await db();
  const rows = await client.erpConnection.findMany({
    where: { tenantId },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
  return rows.map(toView);
}

const columns = (d: TSaveErpConnection | TUpdateErpConnection) => ({
  name: d.name,
  kind: d.kind,
  baseUrl: d.baseUrl,
  config: d.config as Prisma.InputJsonValue,
  schedule: d.schedule === "off" ? null : d.schedule,
  enabled: d.enabled,
});

export async function createErpConnectionFromForm(
  tenantId: string,
  actor: TActor,
  input: TSaveErpConnection,
): Promise<TErpConnectionView> {
  const data = ZSaveErpConnection.parse(input);
  checkErpUrlSyntax(data.baseUrl);
  const client = await db();
  const row = await client.$transaction(async (tx) => {
    const created = await tx.erpConnection.create({
      data: { tenantId, ...columns(data), credentialsEnc: sealErpCredentials(data.credentials) },
      select: SELECT,
    });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "erp.connection.create",
      targetType: "ErpConnection",
      targetId: created.id,
      data: { name: data.name, kind: data.kind, baseUrl: data.baseUrl },
    });
    return created;
  });
  return toView(row);
}

export async function updateErpConnection(
  tenantId: string,
  actor: TActor,
  connectionId: string,
  input: TUpdateErpConnection,
): Promise<TErpConnectionView> {
  const data = ZUpdateErpConnection.parse(input);
  checkErpUrlSyntax(data.baseUrl);
  const client = await db();
  const row = await client.$transaction(async (tx) => {
    const changed = await tx.erpConnection.updateMany({
      where: { id: connectionId, tenantId },
      data: {
        ...columns(data),
        ...(data.credentials ? { credentialsEnc: sealErpCredentials(data.credentials) } : {}),
      },
    });
    if (changed.count === 0) throw notFound("ERP connection");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "erp.connection.update",
      targetType: "ErpConnection",
      targetId: connectionId,
      data: { name: data.name, kind: data.kind, credentialsChanged: Boolean(data.credentials) },
    });
    return tx.erpConnection.findFirstOrThrow({ where: { id: connectionId, tenantId }, select: SELECT });
  });
  return toView(row);
}

/** Deletes the connection and its sync runs; synced contacts, orders and products stay. */
export async function deleteErpConnection(tenantId: string, actor: TActor, connectionId: string) {
  const client = await db();
  await client.$transaction(async (tx) => {
    const removed = await tx.erpConnection.deleteMany({ where: { id: connectionId, tenantId } });
    if (removed.count === 0) throw notFound("ERP connection");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "erp.connection.delete",
      targetType: "ErpConnection",
      targetId: connectionId,
    });
  });
  return { ok: true as const };
}
