import { z } from "zod";
import { observeProviderCall } from "../../metrics";
import { estimateTokens } from "../knowledge/documents/tokens";
import { callWithRetry, type TRetryOptions } from "./call-with-retry";
import { parseProviderConfig, settleError } from "./chat";
import { createDeadline } from "./deadline";
import { postJson, readJson } from "./http";
import { resolveBaseUrl, type TProviderConfig, type TProviderConfigInput } from "./provider-config";
import { callResult, ProviderError } from "./provider-error";

// Embeddings over the OpenAI /embeddings wire format, which every supported vendor with embeddings
// offers (OpenAI, Qwen compatible mode, ERNIE v2, self-hosted servers). Requests are batched; every
// vector is checked against the dimension the tenant's index was built with, because a silently
// different length would corrupt the index rather than fail.

export const EMBEDDING_BATCH_SIZE = 64;

// Only these vendors document the `dimensions` parameter; others reject it or fail on models without
// shortened embeddings, so for them the dimension is checked, not requested.
const SENDS_DIMENSIONS = new Set(["OPENAI", "QWEN"]);

const ZEmbeddingResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) }).loose()),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative() }).loose().nullish(),
});

export type TEmbedOptions = {
  signal?: AbortSignal;
  batchSize?: number;
  /** retries per batch, so one 429 late in a large document does not restart the whole document */
  retry?: TRetryOptions;
};
export type TEmbedResult = { vectors: number[][]; tokens: number };

function embeddingTarget(config: TProviderConfig): { url: string; dim: number } {
  if (!config.embeddingDim)
    throw new ProviderError("bad_request", "The embedding provider has no dimension configured");
  if ((config.kind === "ANTHROPIC" || config.kind === "GEMINI") && !config.baseUrl) {
    throw new ProviderError(
      "bad_request",
      `${config.kind} embeddings need the base URL of an OpenAI-compatible endpoint`,
    );
  }
  return { url: `${resolveBaseUrl(config)}/embeddings`, dim: config.embeddingDim };
}

async function embedBatch(
  config: TProviderConfig,
  texts: string[],
  signal?: AbortSignal,
): Promise<TEmbedResult> {
  const { url, dim } = embeddingTarget(config);
  const deadline = createDeadline(config.timeoutMs, signal);
  const started = performance.now();
  try {
    const res = await postJson({
      url,
      headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
      body: {
        model: config.model,
        input: texts,
        ...(SENDS_DIMENSIONS.has(config.kind) ? { dimensions: dim } : {}),
      },
      signal: deadline.signal,
    });
    const data = await readJson(res, ZEmbeddingResponse, "The embeddings response");
    const sorted = [...data.data].sort((a, b) => a.index - b.index);
    if (sorted.length !== texts.length || sorted.some((d, i) => d.index !== i)) {
      throw new ProviderError("bad_response", `Expected ${texts.length} embeddings, got ${data.data.length}`);
    }
    const wrong = sorted.find((d) => d.embedding.length !== dim);
    if (wrong) {
      throw new ProviderError(
        "bad_response",
        `Embedding dimension ${wrong.embedding.length}, expected ${dim}`,
      );
    }
    observeProviderCall(config.kind, "embedding", "ok", (performance.now() - started) / 1000);
    return {
      vectors: sorted.map((d) => d.embedding),
      tokens: data.usage?.prompt_tokens ?? texts.reduce((sum, t) => sum + estimateTokens(t), 0),
    };
  } catch (e) {
    const err = settleError(e, config, deadline, signal);
    observeProviderCall(config.kind, "embedding", callResult(err), (performance.now() - started) / 1000);
    throw err;
  } finally {
    deadline.clear();
  }
}

export async function embedTexts(
  configInput: TProviderConfigInput,
  texts: string[],
  opts: TEmbedOptions = {},
): Promise<TEmbedResult> {
  const config = parseProviderConfig(configInput);
  const size = Math.max(1, opts.batchSize ?? EMBEDDING_BATCH_SIZE);
  const vectors: number[][] = [];
  let tokens = 0;
  // Sequential on purpose: vendors rate-limit per key, and indexing is a background job.
  for (let start = 0; start < texts.length; start += size) {
    const batch = texts.slice(start, start + size);
    const out = await callWithRetry(() => embedBatch(config, batch, opts.signal), {
      ...opts.retry,
      signal: opts.signal,
    });
    vectors.push(...out.vectors);
    tokens += out.tokens;
  }
  return { vectors, tokens };
}
