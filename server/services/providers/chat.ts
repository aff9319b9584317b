import { z } from "zod";
import { observeProviderCall } from "../../metrics";
import { estimateTokens } from "../knowledge/documents/tokens";
import { anthropicChat } from "./anthropic-chat";
import {
  ZChatRequest,
  type TChatOptions,
  type TChatRequestInput,
  type TChatResult,
  type TWireCall,
  type TWireResult,
} from "./chat-types";
import { costMicros } from "./cost";
import { createDeadline, type TDeadline } from "./deadline";
import { geminiChat } from "./gemini-chat";
import { openAiChat } from "./openai-chat";
import {
  WIRE_FORMAT,
  ZProviderConfig,
  resolveBaseUrl,
  type TProviderConfig,
  type TProviderConfigInput,
  type TWireFormat,
} from "./provider-config";
import { callResult, ProviderError } from "./provider-error";

// One call to one provider, no retries: validation, the deadline, dispatch by wire format, usage and
// cost. Retries and fallback live in call-with-retry.ts and provider-chain.ts.

const WIRES: Record<TWireFormat, (call: TWireCall) => Promise<TWireResult>> = {
  openai: openAiChat,
  anthropic: anthropicChat,
  gemini: geminiChat,
};

/** A misconfigured provider is a provider failure (bad_request), not a crash of the caller. */
export function parseProviderConfig(input: TProviderConfigInput): TProviderConfig {
  const parsed = ZProviderConfig.safeParse(input);
  if (!parsed.success) {
    throw new ProviderError(
      "bad_request",
      `Invalid provider configuration: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Maps what a failed call threw: the deadline firing is a timeout whatever the transport reported; the
 * caller's own abort is re-thrown as is (not a provider failure); the key never leaves in a message.
 */
export function settleError(
  e: unknown,
  config: TProviderConfig,
  deadline: TDeadline,
  outer?: AbortSignal,
): unknown {
  if (deadline.timedOut)
    return new ProviderError("timeout", `No progress within ${config.timeoutMs} ms`, { cause: e });
  if (outer?.aborted) return outer.reason;
  if (e instanceof ProviderError && config.apiKey && e.message.includes(config.apiKey)) {
    e.message = e.message.replaceAll(config.apiKey, "[redacted]");
  }
  return e;
}

export async function chat(
  configInput: TProviderConfigInput,
  requestInput: TChatRequestInput,
  opts: TChatOptions = {},
): Promise<TChatResult> {
  const config = parseProviderConfig(configInput);
  const parsedRequest = ZChatRequest.safeParse(requestInput);
  if (!parsedRequest.success) {
    throw new ProviderError("bad_request", `Invalid chat request: ${z.prettifyError(parsedRequest.error)}`);
  }
  const request = parsedRequest.data;
  const started = performance.now();
  const deadline = createDeadline(config.timeoutMs, opts.signal);
  try {
    const out = await WIRES[WIRE_FORMAT[config.kind]]({
      config,
      request,
      baseUrl: resolveBaseUrl(config),
      signal: deadline.signal,
      touch: deadline.touch,
      onDelta: opts.onDelta,
    });
    const usageEstimated = out.tokensIn === undefined || out.tokensOut === undefined;
    const prompt = [request.system, ...request.messages.map((m) => m.content)].join("\n");
    const tokensIn = out.tokensIn ?? estimateTokens(prompt);
    const tokensOut = out.tokensOut ?? estimateTokens(out.content);
    observeProviderCall(config.kind, "chat", "ok", (performance.now() - started) / 1000);
    return {
      content: out.content,
      tokensIn,
      tokensOut,
      latencyMs: Math.round(performance.now() - started),
      provider: config.name,
      providerId: config.id,
      kind: config.kind,
      model: config.model,
      costMicros: costMicros(tokensIn, tokensOut, config.inputPricePerM, config.outputPricePerM),
      usageEstimated,
    };
  } catch (e) {
    const err = settleError(e, config, deadline, opts.signal);
    observeProviderCall(config.kind, "chat", callResult(err), (performance.now() - started) / 1000);
    throw err;
  } finally {
    deadline.clear();
  }
}
