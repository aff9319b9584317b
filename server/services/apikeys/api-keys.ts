import { z } from "zod";
import { db } from "../../db/client";
import { hashToken, newToken } from "../../crypto/secrets";
import { notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { invalidateTenantConfig, onTenantConfigChanged } from "../tenant-config/invalidate";

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
  const revoked = await client.$transaction(async (tx) => {
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
  // the revoked key stops working at once here, and on the other instances when Redis delivers this
  await invalidateTenantConfig(tenantId);
  return revoked;
}

const LAST_USED_RESOLUTION_MS = 60_000;

// Every REST request presents its key: a resolved key is kept per process for a few seconds, so a busy
// channel costs no lookup per message. A revocation drops the tenant's keys at once here and on the
// other instances (the tenant-config invalidation topic); without Redis another instance stops
// accepting the key within KEY_TTL_MS.
const KEY_TTL_MS = 5_000;
type TKeyEntry = { tenantId: string; apiKeyId: string; lastUsedAt: number; at: number };
const CACHE = Symbol.for("kefu.api-key-cache");
type G = typeof globalThis & { [CACHE]?: Map<string, TKeyEntry> };

function keyCache(): Map<string, TKeyEntry> {
  const g = globalThis as G;
  if (g[CACHE]) return g[CACHE];
  const entries = new Map<string, TKeyEntry>();
  g[CACHE] = entries;
  onTenantConfigChanged((tenantId) => {
    for (const [hash, e] of entries) if (e.tenantId === tenantId) entries.delete(hash);
  });
  return entries;
}

/** Resolves a presented key to its tenant (REST channel); null when unknown or revoked. */
export async function resolveApiKey(key: string): Promise<{ tenantId: string; apiKeyId: string } | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const hash = hashToken(key);
  const cache = keyCache();
  const now = Date.now();
  let entry = cache.get(hash);
  if (!entry || now - entry.at >= KEY_TTL_MS) {
    cache.delete(hash);
    const client = await db();
    const row = await client.apiKey.findUnique({
      where: { keyHash: hash },
      select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true },
    });
    if (!row || row.revokedAt) return null;
    entry = { tenantId: row.tenantId, apiKeyId: row.id, lastUsedAt: row.lastUsedAt?.getTime() ?? 0, at: now };
    cache.set(hash, entry);
  }
  // "last used" to the minute is all the keys page shows; a write per request would cost every call
  if (now - entry.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
    entry.lastUsedAt = now;
    const client = await db();
    await client.apiKey.update({ where: { id: entry.apiKeyId }, data: { lastUsedAt: new Date(now) } });
  }
  return { tenantId: entry.tenantId, apiKeyId: entry.apiKeyId };
}
