import { db } from "../../db/client";
import { chat } from "./chat";
import { embedTexts } from "./embeddings";
import { providerConfigOf } from "./load-provider-chain";
import { getProviderRow } from "./manage-providers";
import type { TProviderConfigInput } from "./provider-config";
import { clip, isProviderError } from "./provider-error";
import type { TTestConnectionResult } from "./provider-schemas";

// The "test connection" button: one tiny real call, no retries, so the admin sees at once what the
// vendor says. A success also clears the provider's cool-down (an admin who just fixed a key should not
// wait for it); a failure is stored as its last error.

type TError = NonNullable<TTestConnectionResult["error"]>;

async function call(config: TProviderConfigInput, purpose: string): Promise<number | null> {
  if (purpose === "EMBEDDING") {
    const out = await embedTexts(config, ["ping"], { retry: { retries: 0 } });
    return out.vectors[0]?.length ?? null;
  }
  await chat(config, { messages: [{ role: "user", content: "ping" }], maxTokens: 8 });
  return null;
}

async function runTest(row: Parameters<typeof providerConfigOf>[0]): Promise<TTestConnectionResult> {
  let config: TProviderConfigInput;
  try {
    config = providerConfigOf(row);
  } catch {
    const error: TError = { kind: "key_unreadable", message: "The stored key cannot be decrypted" };
    return { ok: false, latencyMs: 0, dimension: null, error };
  }
  const started = performance.now();
  try {
    const dimension = await call(config, row.purpose);
    return { ok: true, latencyMs: Math.round(performance.now() - started), dimension, error: null };
  } catch (e) {
    if (!isProviderError(e)) throw e; // a bug, not a provider failure
    const error: TError = { kind: e.kind, message: clip(e.message, 300) };
    return { ok: false, latencyMs: Math.round(performance.now() - started), dimension: null, error };
  }
}

export async function testProviderConnection(
  tenantId: string,
  providerId: string,
): Promise<TTestConnectionResult> {
  const row = await getProviderRow(tenantId, providerId);
  const result = await runTest(row);
  const client = await db();
  await client.aiProvider.updateMany({
    where: { id: providerId, tenantId },
    data: result.ok
      ? { failureCount: 0, cooldownUntil: null, lastError: null }
      : { lastError: result.error?.message ?? null },
  });
  return result;
}
