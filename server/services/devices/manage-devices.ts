import { stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { db } from "../../db/client";
import { notFound } from "../../errors";
import { deviceBus, type DeviceBus, type TDeviceCommand } from "../../gateway/device-bus";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { isDeviceOnline, wechatStateOf } from "./device-status";

// The dashboard's view of the paired agents, and the admin actions on them. Actions that concern a
// live socket (pause/resume/reload, revoke) are published on the device bus, so they reach the agent
// on whichever gateway instance it is connected to.

export const ZDeviceName = z.string().trim().min(1, "Name is required").max(100);

export async function listDevices(tenantId: string, now = new Date(), bus: DeviceBus = deviceBus()) {
  const client = await db();
  const rows = await client.device.findMany({
    where: { tenantId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      platform: true,
      agentVersion: true,
      wechatState: true,
      lastHeartbeatAt: true,
      cpu: true,
      mem: true,
      queueLength: true,
      processedCount: true,
      paused: true,
      revokedAt: true,
      createdAt: true,
    },
  });
  const connected = await bus.connectedDevices(rows.map((r) => r.id)).catch(() => new Set<string>());
  return rows.map(({ revokedAt, ...r }) => ({
    ...r,
    online: isDeviceOnline({ lastHeartbeatAt: r.lastHeartbeatAt, revokedAt }, connected.has(r.id), now),
  }));
}

async function audited(
  tenantId: string,
  actor: TActor,
  deviceId: string,
  action: string,
  data: Record<string, unknown>,
  change: Record<string, unknown>,
) {
  const client = await db();
  await client.$transaction(async (tx) => {
    const res = await tx.device.updateMany({
      where: { id: deviceId, tenantId, revokedAt: null },
      data: change,
    });
    if (res.count === 0) throw notFound("Device");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action,
      targetType: "device",
      targetId: deviceId,
      data: data as never,
    });
  });
}

export async function renameDevice(tenantId: string, actor: TActor, deviceId: string, name: string) {
  await audited(tenantId, actor, deviceId, "device.renamed", { name }, { name });
  return { ok: true as const };
}

/** Persists the pause flag (re-sent after every welcome) and tells the connected agent now. */
export async function setDevicePaused(
  tenantId: string,
  actor: TActor,
  deviceId: string,
  paused: boolean,
  bus: DeviceBus = deviceBus(),
) {
  await audited(tenantId, actor, deviceId, paused ? "device.paused" : "device.resumed", {}, { paused });
  await sendCommand(deviceId, paused ? "pause" : "resume", bus);
  return { ok: true as const };
}

export async function reloadDeviceConfig(
  tenantId: string,
  actor: TActor,
  deviceId: string,
  bus: DeviceBus = deviceBus(),
) {
  await audited(tenantId, actor, deviceId, "device.reload", {}, {});
  await sendCommand(deviceId, "reload", bus);
  return { ok: true as const };
}

/** Revokes the token and closes the device's socket (4401) at once. */
export async function revokeDevice(
  tenantId: string,
  actor: TActor,
  deviceId: string,
  bus: DeviceBus = deviceBus(),
) {
  await audited(tenantId, actor, deviceId, "device.revoked", {}, { revokedAt: new Date() });
  await bus.publish(deviceId, { kind: "revoke" });
  return { ok: true as const };
}

async function sendCommand(deviceId: string, name: TDeviceCommand, bus: DeviceBus) {
  await bus.publish(deviceId, { kind: "command", name });
}

export type THeartbeat = {
  wechat: string;
  cpu: number;
  mem: number;
  queue: number;
  processed: number;
  version: string;
};

export type THeartbeatEntry = { tenantId: string; deviceId: string; status: THeartbeat; at: Date };

/**
 * Writes many devices' latest heartbeats in one statement (thousands of agents heartbeat every 30 s;
 * one UPDATE per heartbeat would take the database pool from the message pipeline). Rows are
 * updated in id order, so two gateway instances flushing at once cannot deadlock.
 */
export async function recordHeartbeats(entries: THeartbeatEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = [...entries].sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1));
  const int = (n: number) => Math.min(Math.trunc(n), 2_147_483_647);
  const client = await db();
  await client.$executeRaw`
    UPDATE "Device" AS d SET
      "lastHeartbeatAt" = (x.at::timestamptz AT TIME ZONE 'UTC'),
      "wechatState" = x.w::"WechatState",
      cpu = x.cpu, mem = x.mem, "queueLength" = x.q, "processedCount" = x.p,
      "agentVersion" = NULLIF(x.v, ''),
      "updatedAt" = now()
    FROM unnest(
      ${rows.map((r) => r.deviceId)}::text[],
      ${rows.map((r) => r.tenantId)}::text[],
      ${rows.map((r) => r.at.toISOString())}::text[],
      ${rows.map((r) => wechatStateOf(r.status.wechat))}::text[],
      ${rows.map((r) => r.status.cpu)}::float8[],
      ${rows.map((r) => r.status.mem)}::float8[],
      ${rows.map((r) => int(r.status.queue))}::int[],
      ${rows.map((r) => int(r.status.processed))}::int[],
      ${rows.map((r) => r.status.version.slice(0, 50))}::text[]
    ) AS x(id, t, at, w, cpu, mem, q, p, v)
    WHERE d.id = x.id AND d."tenantId" = x.t`;
}

/** The Windows agent's single executable, when it has been built (npm run agent:build-exe). */
export const AGENT_EXE_PATH = join(process.cwd(), "agent", "dist", "kefu-agent.exe");

export async function agentDownloadInfo() {
  const s = await stat(AGENT_EXE_PATH).catch(() => null);
  return s?.isFile()
    ? { available: true, sizeBytes: s.size, builtAt: s.mtime }
    : { available: false, sizeBytes: 0, builtAt: null };
}
