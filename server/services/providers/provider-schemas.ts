import { z } from "zod";
import { ProviderPurpose } from "../../db/generated/prisma/enums";
import { ZProviderKind } from "./provider-config";

// What an admin may write for a provider (the UI, the CLI and the tRPC input share these). The key is
// write-only: it is accepted here and never part of any output.

export const ZProviderPurpose = z.enum(ProviderPurpose);
export type TProviderPurpose = z.infer<typeof ZProviderPurpose>;

/** "" clears an optional base URL; anything else must be an http(s) URL. */
const ZBaseUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/, message: "Use an http:// or https:// URL" })])
  .nullish()
  .transform((v) => (v ? v.replace(/\/+$/, "") : null));

const ZPrice = z.number().min(0, "A price cannot be negative").max(1_000_000);

export const PROVIDER_LIMITS = {
  timeoutMs: { min: 1_000, max: 120_000 },
  embeddingDim: { min: 8, max: 4096 },
  maxTokens: { min: 1, max: 1_000_000 },
} as const;

const fields = {
  name: z.string().trim().min(1, "Name is required").max(60),
  kind: ZProviderKind,
  purpose: ZProviderPurpose,
  baseUrl: ZBaseUrl,
  model: z.string().trim().min(1, "Model is required").max(200),
  timeoutMs: z
    .number()
    .int()
    .min(PROVIDER_LIMITS.timeoutMs.min, "Use at least 1 second")
    .max(PROVIDER_LIMITS.timeoutMs.max, "Use at most 120 seconds"),
  maxTokens: z.number().int().min(1).max(PROVIDER_LIMITS.maxTokens.max),
  temperature: z.number().min(0).max(2),
  inputPricePerM: ZPrice,
  outputPricePerM: ZPrice,
  embeddingDim: z
    .number()
    .int()
    .min(PROVIDER_LIMITS.embeddingDim.min, "Use a dimension from 8 to 4096")
    .max(PROVIDER_LIMITS.embeddingDim.max, "Use a dimension from 8 to 4096")
    .nullish(),
  enabled: z.boolean(),
};

/** A new key: never empty (to remove a key, update with clearKey). */
export const ZApiKeyInput = z.string().trim().min(1, "Enter the key, or leave the field out").max(1000);

export const ZCreateProviderInput = z.object({
  ...fields,
  name: fields.name.optional(),
  purpose: fields.purpose.default("CHAT"),
  timeoutMs: fields.timeoutMs.default(30_000),
  maxTokens: fields.maxTokens.default(1024),
  temperature: fields.temperature.default(0.3),
  inputPricePerM: ZPrice.default(0),
  outputPricePerM: ZPrice.default(0),
  enabled: fields.enabled.default(true),
  apiKey: ZApiKeyInput.optional(),
  /** 0-based place in the purpose's chain; the end when left out */
  position: z.number().int().min(0).max(1000).optional(),
});
export type TCreateProviderInput = z.input<typeof ZCreateProviderInput>;

export const ZUpdateProviderInput = z
  .object({
    name: fields.name,
    kind: fields.kind,
    baseUrl: ZBaseUrl,
    model: fields.model,
    timeoutMs: fields.timeoutMs,
    maxTokens: fields.maxTokens,
    temperature: fields.temperature,
    inputPricePerM: ZPrice,
    outputPricePerM: ZPrice,
    embeddingDim: fields.embeddingDim,
    enabled: fields.enabled,
    /** omitted: keep the stored key */
    apiKey: ZApiKeyInput,
    clearKey: z.literal(true),
  })
  .partial();
export type TUpdateProviderInput = z.input<typeof ZUpdateProviderInput>;

/** The rules that span fields, checked on the row as it will be stored (after an update's merge). */
export function providerProblem(row: {
  kind: string;
  purpose: string;
  baseUrl: string | null;
  embeddingDim: number | null | undefined;
}): { field: string; message: string } | null {
  if (row.kind === "OPENAI_COMPATIBLE" && !row.baseUrl)
    return { field: "baseUrl", message: "An OpenAI-compatible provider needs a base URL" };
  if (row.purpose === "EMBEDDING" && !row.embeddingDim)
    return { field: "embeddingDim", message: "An embedding model needs its dimension (8–4096)" };
  if (row.purpose === "EMBEDDING" && (row.kind === "ANTHROPIC" || row.kind === "GEMINI") && !row.baseUrl)
    return { field: "baseUrl", message: "Embeddings need the base URL of an OpenAI-compatible endpoint" };
  return null;
}

export const ZProviderView = z.object({
  id: z.string(),
  name: z.string(),
  kind: ZProviderKind,
  purpose: ZProviderPurpose,
  baseUrl: z.string().nullable(),
  model: z.string(),
  hasKey: z.boolean(),
  /** the key's last 4 characters, so an admin can tell keys apart; null without a key */
  keyLast4: z.string().nullable(),
  position: z.number(),
  timeoutMs: z.number(),
  maxTokens: z.number(),
  temperature: z.number(),
  inputPricePerM: z.number(),
  outputPricePerM: z.number(),
  embeddingDim: z.number().nullable(),
  enabled: z.boolean(),
  failureCount: z.number(),
  cooldownUntil: z.date().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.date(),
});
export type TProviderView = z.infer<typeof ZProviderView>;

export const TEST_ERROR_KINDS = [
  "timeout",
  "rate_limited",
  "server_error",
  "bad_response",
  "auth",
  "bad_request",
  "network",
  "key_unreadable",
] as const;

export const ZTestConnectionResult = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  /** embeddings: the vector length the endpoint returned */
  dimension: z.number().nullable(),
  error: z.object({ kind: z.enum(TEST_ERROR_KINDS), message: z.string() }).nullable(),
});
export type TTestConnectionResult = z.infer<typeof ZTestConnectionResult>;
