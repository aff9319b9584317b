import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { decryptSecret } from "../../crypto/secrets";
import { logger } from "../../logging";
import type { TProviderConfigInput } from "./provider-config";
import type { TProviderPurpose } from "./provider-schemas";

// The tenant's enabled providers of one purpose, in chain order, as the gateway takes them (keys
// decrypted here, on the server, and nowhere else). A key that cannot be decrypted (the encryption key
// changed) drops that provider from the chain with a warning instead of sending a garbled key.

type TRow = Prisma.AiProviderGetPayload<object>;

/** A stored row as the gateway's config; throws when its key cannot be decrypted. */
export function providerConfigOf(row: TRow): TProviderConfigInput {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    baseUrl: row.baseUrl,
    model: row.model,
    apiKey: row.apiKeyEnc ? decryptSecret(row.apiKeyEnc) : null,
    timeoutMs: row.timeoutMs,
    maxTokens: row.maxTokens,
    temperature: row.temperature,
    inputPricePerM: Number(row.inputPricePerM),
    outputPricePerM: Number(row.outputPricePerM),
    embeddingDim: row.embeddingDim,
    enabled: row.enabled,
  };
}

export async function loadProviderChain(
  tenantId: string,
  purpose: TProviderPurpose,
): Promise<TProviderConfigInput[]> {
  const client = await db();
  const rows = await client.aiProvider.findMany({
    where: { tenantId, purpose, enabled: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const chain: TProviderConfigInput[] = [];
  for (const row of rows) {
    try {
      chain.push(providerConfigOf(row));
    } catch (e) {
      logger().warn({ err: e, tenantId, providerId: row.id }, "provider key cannot be decrypted; skipped");
    }
  }
  return chain;
}
