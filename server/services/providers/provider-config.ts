import { z } from "zod";
import { ProviderKind } from "../../db/generated/prisma/enums";

// The shape a provider row takes once it reaches the gateway: the key is already decrypted and the
// Decimal prices may still be Prisma Decimals (coerced here), so callers can pass a row almost as is.

export const ZProviderKind = z.enum(ProviderKind);
export type TProviderKind = z.infer<typeof ZProviderKind>;

export type TWireFormat = "openai" | "anthropic" | "gemini";

export const WIRE_FORMAT: Record<TProviderKind, TWireFormat> = {
  OPENAI: "openai",
  DEEPSEEK: "openai",
  MOONSHOT: "openai",
  QWEN: "openai",
  ERNIE: "openai",
  OPENAI_COMPATIBLE: "openai",
  ANTHROPIC: "anthropic",
  GEMINI: "gemini",
};

// Anthropic and Gemini bases stop before the version segment because their paths carry it
// (/v1/messages, /v1beta/models/...); the OpenAI-style bases include it, as their vendors document.
export const DEFAULT_BASE_URLS: Record<TProviderKind, string | null> = {
  OPENAI: "https://api.openai.com/v1",
  DEEPSEEK: "https://api.deepseek.com/v1",
  MOONSHOT: "https://api.moonshot.cn/v1",
  QWEN: "https://dashscope.aliyuncs.com/compatible-mode/v1",
  ERNIE: "https://qianfan.baidubce.com/v2",
  OPENAI_COMPATIBLE: null,
  ANTHROPIC: "https://api.anthropic.com",
  GEMINI: "https://generativelanguage.googleapis.com",
};

// Prices are Decimal(12,4) in the database; coercion accepts numbers, numeric strings and Decimals.
const ZPrice = z.coerce.number().min(0).max(100_000_000).default(0);

export const ZProviderConfig = z
  .object({
    id: z.string().min(1),
    kind: ZProviderKind,
    name: z.string().min(1),
    baseUrl: z.url({ protocol: /^https?$/ }).nullish(),
    model: z.string().trim().min(1),
    /** decrypted; optional because self-hosted OpenAI-compatible servers often need none */
    apiKey: z.string().nullish(),
    timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    maxTokens: z.number().int().min(1).max(1_000_000).default(1024),
    temperature: z.number().min(0).max(2).default(0.3),
    inputPricePerM: ZPrice,
    outputPricePerM: ZPrice,
    /** embedding providers only: the vector length the knowledge index was built with */
    embeddingDim: z.number().int().min(1).max(16_384).nullish(),
    enabled: z.boolean().default(true),
  })
  .refine((c) => c.kind !== "OPENAI_COMPATIBLE" || !!c.baseUrl, {
    path: ["baseUrl"],
    message: "An OpenAI-compatible provider needs a base URL",
  });
export type TProviderConfigInput = z.input<typeof ZProviderConfig>;
export type TProviderConfig = z.output<typeof ZProviderConfig>;

/** The base URL without a trailing slash (and without a version segment the wire path adds itself). */
export function resolveBaseUrl(config: TProviderConfig): string {
  const base = (config.baseUrl ?? DEFAULT_BASE_URLS[config.kind] ?? "").replace(/\/+$/, "");
  const format = WIRE_FORMAT[config.kind];
  // Users paste bases with the version segment; the path below adds it again.
  if (format === "anthropic") return base.replace(/\/v1$/, "");
  if (format === "gemini") return base.replace(/\/v1beta$/, "");
  return base;
}
