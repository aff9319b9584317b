import { z } from "zod";
import { db } from "../../db/client";
import { hashToken, newToken } from "../../crypto/secrets";
import { notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";

// Tenant API keys for the REST channel. Only a hash is stored; the key is shown once at creation.

export const ZApiKeyName = z.string().trim().min(1, "Name is required").max(60);
const KEY_PREFIX = "kefu_";

export async function createApiKey(tenantId: string, actor: TActor | null, name: string) {
  const key = newToken(KEY_PREFIX, 24);
  const client = await db();
  return client.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        tenantId,
        name,
        prefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: hashToken(key),
        createdById: actor?.actorId,
      },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, {
      tenantId,
      ...(actor ?? {}),
      action: "apikey.created",
      targetType: "apikey",
      targetId: row.id,
      data: { name },
    });
    return { ...row, key };
  });
}

export async function listApiKeys(tenantId: string) {
  const client = await db();
  return client.apiKey.findMany({
    where: { tenantId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiKey(tenantId: string, actor: TActor, id: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const res = await tx.apiKey.updateMany({
      where: { id, tenantId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (res.count === 0) throw notFound("API key");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "apikey.revoked",
      targetType: "apikey",
      targetId: id,
    });
    return { ok: true as const };
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a presented key to its tenant (REST channel); null when unknown or revoked. */
export async function resolveApiKey(key: string): Promise<{ tenantId: string; apiKeyId: string } | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const client = await db();
  const row = await client.apiKey.findUnique({
    where: { keyHash: hashToken(key) },
    select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // "last used" to the minute is all the keys page shows; a write per request would cost every call
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await client.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { tenantId: row.tenantId, apiKeyId: row.id };
}
