import { z } from "zod";
import { hashToken, newToken } from "../../crypto/secrets";
import { db, rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { AppError } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { newPairingCode, normalisePairingCode, PAIRING_TTL_MS } from "./pairing-code";

// Pairing (docs/agent-protocol.md §1): an admin creates a short-lived, single-use code; the agent
// exchanges it for a device and a bearer token. Code and token are stored only as hashes.

export const ZPairRequest = z.object({
  code: z.string().trim().min(1).max(32),
  deviceName: z.string().trim().min(1).max(100),
  platform: z.string().trim().max(50),
  agentVersion: z.string().trim().max(50),
});
export type TPairRequest = z.infer<typeof ZPairRequest>;

const DEVICE_TOKEN_PREFIX = "kdev_";

export async function createPairingCode(tenantId: string, actor: TActor | null, now = new Date()) {
  const client = await db();
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
  await client.$transaction(async (tx) => {
    const row = await tx.pairingCode.create({
      data: { tenantId, codeHash: hashToken(code), createdById: actor?.actorId ?? null, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      tenantId,
      ...(actor ?? {}),
      action: "device.pairing_code_created",
      targetType: "pairing_code",
      targetId: row.id,
    });
  });
  return { code, expiresAt };
}

/**
 * Uses the code and creates the device in one transaction. The conditional update takes the row lock,
 * so of two concurrent uses exactly one sees `usedAt: null`; the other gets 404.
 */
export async function pairDevice(req: TPairRequest, now = new Date()) {
  const client = await db();
  const codeHash = hashToken(normalisePairingCode(req.code));
  const deviceToken = newToken(DEVICE_TOKEN_PREFIX, 32);
  const paired = await client.$transaction(async (tx) => {
    const used = await tx.pairingCode.updateMany({
      where: { codeHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count === 0) return null;
    const code = await tx.pairingCode.findUniqueOrThrow({
      where: { codeHash },
      select: { id: true, tenantId: true, createdById: true },
    });
    const device = await tx.device.create({
      data: {
        tenantId: code.tenantId,
        name: req.deviceName,
        platform: req.platform || null,
        agentVersion: req.agentVersion || null,
        tokenHash: hashToken(deviceToken),
      },
      select: { id: true, tenantId: true },
    });
    await tx.pairingCode.update({ where: { id: code.id }, data: { deviceId: device.id } });
    await recordAudit(tx, {
      tenantId: code.tenantId,
      action: "device.paired",
      targetType: "device",
      targetId: device.id,
      data: { name: req.deviceName, platform: req.platform, agentVersion: req.agentVersion },
    });
    return device;
  });
  if (paired) return { deviceId: paired.id, tenantId: paired.tenantId, deviceToken };

  const row = await client.pairingCode.findUnique({
    where: { codeHash },
    select: { usedAt: true, expiresAt: true },
  });
  if (!row || row.usedAt) throw new AppError("NOT_FOUND", "Unknown or already used pairing code");
  throw new AppError("GONE", "The pairing code has expired; create a new one");
}

/** The device a presented token belongs to; null when unknown or revoked. */
export async function authenticateDevice(token: string) {
  if (!token.startsWith(DEVICE_TOKEN_PREFIX) || token.length > 200) return null;
  // raw: every agent authenticates on each (re)connect, thousands at once after a server start
  const [device] = await rawQuery<{
    id: string;
    tenantId: string;
    name: string;
    paused: boolean;
    revokedAt: Date | null;
  }>(
    Prisma.sql`SELECT id, "tenantId", name, paused, "revokedAt" FROM "Device" WHERE "tokenHash" = ${hashToken(token)}`,
  );
  if (!device || device.revokedAt) return null;
  return {
    id: device.id,
    tenantId: device.tenantId,
    name: device.name,
    paused: device.paused,
    revokedAt: null,
  };
}
