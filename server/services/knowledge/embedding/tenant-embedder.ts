import { db } from "../../../db/client";
import { logger } from "../../../logging";
import { costMicros } from "../../providers/cost";
import { embedTexts } from "../../providers/embeddings";
import { loadProviderChain } from "../../providers/load-provider-chain";
import type { TProviderConfigInput } from "../../providers/provider-config";
import type { TLexicon } from "../text/lexicon";
import { embedLocal, LOCAL_EMBEDDING_DIM, LOCAL_EMBEDDING_MODEL } from "./local-embedder";

// A tenant's embedder: its first enabled EMBEDDING provider (any OpenAI-compatible /embeddings
// endpoint, with its dimension), or the local in-process embedder. Chunks record the model and the
// dimension they were embedded with, and search only compares vectors of the same model.
// When the provider fails, indexing falls back to the local embedder for that batch (so an import never
// fails because a vendor is down; the next re-index upgrades them) and search falls back to the local
// vector, which still finds the chunks that were embedded locally.

export type TEmbedder = {
  model: string;
  dim: number;
  local: boolean;
  /** one unit-length vector per text */
  embed(
    texts: string[],
    lexicon?: TLexicon,
  ): Promise<{ vectors: Float32Array[]; model: string; dim: number }>;
};

export const LOCAL_EMBEDDER: TEmbedder = {
  model: LOCAL_EMBEDDING_MODEL,
  dim: LOCAL_EMBEDDING_DIM,
  local: true,
  async embed(texts, lexicon) {
    return {
      vectors: texts.map((t) => embedLocal(t, lexicon)),
      model: LOCAL_EMBEDDING_MODEL,
      dim: LOCAL_EMBEDDING_DIM,
    };
  },
};

function unit(v: number[]): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

export function providerModelId(p: TProviderConfigInput): string {
  return `${p.kind.toLowerCase()}:${p.model}`;
}

function providerEmbedder(tenantId: string, p: TProviderConfigInput & { embeddingDim: number }): TEmbedder {
  const model = providerModelId(p);
  return {
    model,
    dim: p.embeddingDim,
    local: false,
    async embed(texts, lexicon) {
      const started = performance.now();
      try {
        const r = await embedTexts(p, texts);
        await recordEmbeddingUsage(tenantId, p, r.tokens, performance.now() - started, null);
        return { vectors: r.vectors.map(unit), model, dim: p.embeddingDim };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        logger().warn(
          { err, tenantId, provider: p.name },
          "embedding provider failed; using the local embedder",
        );
        await recordEmbeddingUsage(tenantId, p, 0, performance.now() - started, message).catch(
          () => undefined,
        );
        return LOCAL_EMBEDDER.embed(texts, lexicon);
      }
    },
  };
}

async function recordEmbeddingUsage(
  tenantId: string,
  p: TProviderConfigInput,
  tokens: number,
  ms: number,
  error: string | null,
): Promise<void> {
  const client = await db();
  await client.usageRecord.create({
    data: {
      tenantId,
      providerId: p.id,
      provider: p.name,
      model: p.model,
      purpose: "EMBEDDING",
      tokensIn: tokens,
      costMicros: costMicros(tokens, 0, Number(p.inputPricePerM ?? 0), 0),
      latencyMs: Math.round(ms),
      ok: error === null,
      error: error?.slice(0, 500) ?? null,
    },
  });
}

export async function tenantEmbedder(tenantId: string): Promise<TEmbedder> {
  return embedderFromChain(tenantId, await loadProviderChain(tenantId, "EMBEDDING"));
}

/** The embedder of an already loaded EMBEDDING chain (the pipeline keeps the chain in its cache). */
export function embedderFromChain(tenantId: string, chain: TProviderConfigInput[]): TEmbedder {
  const [first] = chain;
  if (!first?.embeddingDim) return LOCAL_EMBEDDER;
  return providerEmbedder(tenantId, { ...first, embeddingDim: first.embeddingDim });
}
