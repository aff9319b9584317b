import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { decryptSecret, encryptSecret } from "../../crypto/secrets";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import {
  providerProblem,
  type TCreateProviderInput,
  type TProviderPurpose,
  type TProviderView,
  type TUpdateProviderInput,
  ZCreateProviderInput,
  ZUpdateProviderInput,
} from "./provider-schemas";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

// A tenant's AI providers: the ordered chains (one per purpose) the gateway walks. Keys are encrypted
// at rest and write-only: nothing here returns one, only whether it is set and its last 4 characters.

type TRow = Prisma.AiProviderGetPayload<object>;
type TTx = Prisma.TransactionClient;

function keyLast4(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    const plain = decryptSecret(sealed);
    return plain.length >= 8 ? plain.slice(-4) : null; // a short key would be half given away
  } catch {
    return null; // encrypted under another KEFU_ENCRYPTION_KEY: still "set", but unreadable
  }
}

export function toProviderView(row: TRow): TProviderView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    baseUrl: row.baseUrl,
    model: row.model,
    hasKey: !!row.apiKeyEnc,
    keyLast4: keyLast4(row.apiKeyEnc),
    position: row.position,
    timeoutMs: row.timeoutMs,
    maxTokens: row.maxTokens,
    temperature: row.temperature,
    inputPricePerM: Number(row.inputPricePerM),
    outputPricePerM: Number(row.outputPricePerM),
    embeddingDim: row.embeddingDim,
    enabled: row.enabled,
    failureCount: row.failureCount,
    cooldownUntil: row.cooldownUntil,
    lastError: row.lastError,
    updatedAt: row.updatedAt,
  };
}

const CHAIN_ORDER = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] as const;

export async function listProviders(tenantId: string): Promise<TProviderView[]> {
  const client = await db();
  const rows = await client.aiProvider.findMany({
    where: { tenantId },
    orderBy: [{ purpose: "asc" }, ...CHAIN_ORDER],
  });
  return rows.map(toProviderView);
}

export async function getProviderRow(tenantId: string, providerId: string): Promise<TRow> {
  const client = await db();
  const row = await client.aiProvider.findFirst({ where: { id: providerId, tenantId } });
  if (!row) throw notFound("Provider");
  return row;
}

function assertValid(row: Parameters<typeof providerProblem>[0]) {
  const problem = providerProblem(row);
  if (problem) throw new AppError("BAD_REQUEST", problem.message, problem.field);
}

/** Rewrites positions 0..n-1 in the given order (ids must be exactly the purpose's providers). */
async function writeOrder(tx: TTx, tenantId: string, ids: string[]) {
  for (const [position, id] of ids.entries()) {
    await tx.aiProvider.updateMany({ where: { id, tenantId }, data: { position } });
  }
}

async function chainIds(tx: TTx, tenantId: string, purpose: TProviderPurpose): Promise<string[]> {
  const rows = await tx.aiProvider.findMany({
    where: { tenantId, purpose },
    orderBy: [...CHAIN_ORDER],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function createProvider(
  tenantId: string,
  actor: TActor | null,
  raw: TCreateProviderInput,
): Promise<TProviderView> {
  const input = ZCreateProviderInput.parse(raw);
  const embeddingDim = input.purpose === "EMBEDDING" ? (input.embeddingDim ?? null) : null;
  assertValid({ ...input, embeddingDim });
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const ids = await chainIds(tx, tenantId, input.purpose);
    const row = await tx.aiProvider.create({
      data: {
        tenantId,
        name: input.name ?? `${input.kind} ${input.model}`.slice(0, 60),
        kind: input.kind,
        purpose: input.purpose,
        baseUrl: input.baseUrl,
        model: input.model,
        apiKeyEnc: input.apiKey ? encryptSecret(input.apiKey) : null,
        position: ids.length,
        timeoutMs: input.timeoutMs,
        maxTokens: input.maxTokens,
        temperature: input.temperature,
        inputPricePerM: input.inputPricePerM,
        outputPricePerM: input.outputPricePerM,
        embeddingDim,
        enabled: input.enabled,
      },
    });
    const at = Math.min(input.position ?? ids.length, ids.length);
    if (at < ids.length) await writeOrder(tx, tenantId, [...ids.slice(0, at), row.id, ...ids.slice(at)]);
    await recordAudit(tx, {
      tenantId,
      ...(actor ?? { actorEmail: "cli" }),
      action: "provider.created",
      targetType: "provider",
      targetId: row.id,
      data: { name: row.name, kind: row.kind, purpose: row.purpose, model: row.model, position: at },
    });
    return toProviderView(await tx.aiProvider.findUniqueOrThrow({ where: { id: row.id } }));
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function updateProvider(
  tenantId: string,
  actor: TActor,
  providerId: string,
  raw: TUpdateProviderInput,
): Promise<TProviderView> {
  const input = ZUpdateProviderInput.parse(raw);
  if (input.apiKey && input.clearKey)
    throw new AppError("BAD_REQUEST", "Either set a new key or clear it, not both", "apiKey");
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const row = await tx.aiProvider.findFirst({ where: { id: providerId, tenantId } });
    if (!row) throw notFound("Provider");
    const { apiKey, clearKey, ...fields } = input;
    const merged = { ...row, ...fields };
    const embeddingDim = row.purpose === "EMBEDDING" ? (merged.embeddingDim ?? null) : null;
    assertValid({ ...merged, embeddingDim });
    const data: Prisma.AiProviderUpdateManyMutationInput = { ...fields, embeddingDim };
    if (apiKey) data.apiKeyEnc = encryptSecret(apiKey);
    if (clearKey) data.apiKeyEnc = null;
    // a changed endpoint or key deserves a fresh start instead of the old cool-down
    if (apiKey || clearKey || fields.baseUrl !== undefined || fields.model || fields.kind) {
      Object.assign(data, { failureCount: 0, cooldownUntil: null, lastError: null });
    }
    await tx.aiProvider.updateMany({ where: { id: providerId, tenantId }, data });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "provider.updated",
      targetType: "provider",
      targetId: providerId,
      // which fields, never the key itself
      data: {
        fields: Object.keys(fields),
        key: apiKey ? "replaced" : clearKey ? "cleared" : "kept",
      },
    });
    return toProviderView(await tx.aiProvider.findUniqueOrThrow({ where: { id: providerId } }));
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function setProviderEnabled(
  tenantId: string,
  actor: TActor,
  providerId: string,
  enabled: boolean,
) {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const res = await tx.aiProvider.updateMany({ where: { id: providerId, tenantId }, data: { enabled } });
    if (res.count === 0) throw notFound("Provider");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: enabled ? "provider.enabled" : "provider.disabled",
      targetType: "provider",
      targetId: providerId,
    });
    return { ok: true as const };
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function deleteProvider(tenantId: string, actor: TActor, providerId: string) {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const row = await tx.aiProvider.findFirst({
      where: { id: providerId, tenantId },
      select: { name: true, purpose: true },
    });
    if (!row) throw notFound("Provider");
    await tx.aiProvider.deleteMany({ where: { id: providerId, tenantId } });
    await writeOrder(tx, tenantId, await chainIds(tx, tenantId, row.purpose));
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "provider.deleted",
      targetType: "provider",
      targetId: providerId,
      data: { name: row.name },
    });
    return { ok: true as const };
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

/** Sets the chain order of one purpose; `ids` must list exactly that purpose's providers. */
export async function reorderProviders(
  tenantId: string,
  actor: TActor,
  purpose: TProviderPurpose,
  ids: string[],
) {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const current = await chainIds(tx, tenantId, purpose);
    const known = new Set(current);
    if (ids.some((id) => !known.has(id))) throw notFound("Provider");
    if (new Set(ids).size !== ids.length || ids.length !== current.length) {
      throw new AppError("CONFLICT", "The list of providers has changed; reload and try again", "ids");
    }
    await writeOrder(tx, tenantId, ids);
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "provider.reordered",
      targetType: "provider",
      data: { purpose, order: ids },
    });
    return { ok: true as const };
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

/**
 * What the knowledge index depends on: the first enabled embedding provider's endpoint, model and
 * dimension (null = the local embedder). The router compares it before and after a change.
 */
export async function embedderSignature(tenantId: string): Promise<string | null> {
  const client = await db();
  const first = await client.aiProvider.findFirst({
    where: { tenantId, purpose: "EMBEDDING", enabled: true },
    orderBy: [...CHAIN_ORDER],
    select: { id: true, kind: true, baseUrl: true, model: true, embeddingDim: true },
  });
  return first ? JSON.stringify(first) : null;
}
