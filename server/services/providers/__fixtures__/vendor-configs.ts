import type { TFakeVendor } from "../../../../tests/fakes/fake-llm-vendor";
import type { TProviderConfigInput, TProviderKind } from "../provider-config";

// Provider configs pointing at the fake vendor, one per kind, with short timeouts so failure tests are fast.

const MODELS: Record<TProviderKind, string> = {
  OPENAI: "gpt-4o-mini",
  DEEPSEEK: "deepseek-chat",
  MOONSHOT: "moonshot-v1-8k",
  QWEN: "qwen-plus",
  ERNIE: "ernie-4.0-8k",
  OPENAI_COMPATIBLE: "local-model",
  ANTHROPIC: "claude-3-5-haiku-latest",
  GEMINI: "gemini-2.0-flash",
};

let counter = 0;

export function vendorConfig(
  vendor: TFakeVendor,
  kind: TProviderKind,
  over: Partial<TProviderConfigInput> = {},
): TProviderConfigInput {
  const native = kind === "ANTHROPIC" || kind === "GEMINI";
  counter++;
  return {
    id: `${kind.toLowerCase()}-${counter}`,
    kind,
    name: `${kind} #${counter}`,
    baseUrl: native ? vendor.url : `${vendor.url}/v1`,
    model: MODELS[kind],
    apiKey: vendor.apiKey,
    timeoutMs: 2_000,
    maxTokens: 256,
    temperature: 0.3,
    inputPricePerM: 2,
    outputPricePerM: 8,
    ...over,
  };
}

export const noSleep = async () => undefined;
