import type { inferRouterOutputs } from "@trpc/server";
import { DEFAULT_BASE_URLS } from "@/server/services/providers/provider-config";
import type { AppRouter } from "@/server/trpc/root";

export type TProvider = inferRouterOutputs<AppRouter>["aiProviders"]["list"][number];
export type TProviderKind = TProvider["kind"];
export type TPurpose = TProvider["purpose"];
export type TTestResult = inferRouterOutputs<AppRouter>["aiProviders"]["testConnection"];

export { DEFAULT_BASE_URLS };

export const KINDS: TProviderKind[] = [
  "DEEPSEEK",
  "QWEN",
  "MOONSHOT",
  "ERNIE",
  "OPENAI",
  "ANTHROPIC",
  "GEMINI",
  "OPENAI_COMPATIBLE",
];

/** Vendor names are proper nouns: the same in every language. */
export const KIND_LABELS: Record<TProviderKind, string> = {
  OPENAI: "OpenAI",
  DEEPSEEK: "DeepSeek",
  ANTHROPIC: "Anthropic Claude",
  MOONSHOT: "Moonshot / Kimi",
  QWEN: "Qwen (DashScope)",
  GEMINI: "Google Gemini",
  ERNIE: "Baidu ERNIE (Qianfan)",
  OPENAI_COMPATIBLE: "OpenAI-compatible",
};

/** Example models shown as placeholders (not defaults: vendors rename models often). */
export const MODEL_EXAMPLES: Record<TPurpose, Record<TProviderKind, string>> = {
  CHAT: {
    OPENAI: "gpt-4o-mini",
    DEEPSEEK: "deepseek-chat",
    ANTHROPIC: "claude-3-5-haiku-latest",
    MOONSHOT: "moonshot-v1-8k",
    QWEN: "qwen-plus",
    GEMINI: "gemini-2.0-flash",
    ERNIE: "ernie-4.0-8k",
    OPENAI_COMPATIBLE: "qwen2.5:7b",
  },
  EMBEDDING: {
    OPENAI: "text-embedding-3-small",
    DEEPSEEK: "—",
    ANTHROPIC: "—",
    MOONSHOT: "—",
    QWEN: "text-embedding-v3",
    GEMINI: "—",
    ERNIE: "embedding-v1",
    OPENAI_COMPATIBLE: "bge-m3",
  },
};

/** Vendors whose own endpoint serves embeddings in the OpenAI format. */
export const EMBEDDING_KINDS: TProviderKind[] = ["QWEN", "OPENAI", "ERNIE", "OPENAI_COMPATIBLE"];

export const LIMITS = { timeoutS: [1, 120], dim: [8, 4096], temperature: [0, 2] } as const;
