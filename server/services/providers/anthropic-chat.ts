import { z } from "zod";
import { JSON_INSTRUCTION, mergeTurns, type TWireCall, type TWireResult } from "./chat-types";
import { parseJson, postJson, readJson } from "./http";
import { ProviderError, type TProviderErrorKind } from "./provider-error";
import { readSse } from "./sse";

// Anthropic Messages API. The system prompt is a top-level field, and there is no JSON mode, so JSON is
// asked for in the system prompt.

export const ANTHROPIC_VERSION = "2023-06-01";

const ZMessage = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()),
  stop_reason: z.string().nullish(),
  usage: z.object({
    input_tokens: z.number().int().nonnegative(),
    output_tokens: z.number().int().nonnegative(),
  }),
});

const ZEvent = z.object({ type: z.string() }).loose();
const ZMessageStart = z.object({
  message: z.object({ usage: z.object({ input_tokens: z.number().int().nonnegative() }).loose() }).loose(),
});
const ZBlockDelta = z.object({ delta: z.object({ type: z.string(), text: z.string().optional() }).loose() });
const ZMessageDelta = z.object({
  usage: z.object({ output_tokens: z.number().int().nonnegative() }).loose(),
});
const ZStreamError = z.object({ error: z.object({ type: z.string(), message: z.string() }).loose() });

// Errors that arrive inside a 200 stream carry a type instead of a status.
const STREAM_ERROR_KINDS: Record<string, TProviderErrorKind> = {
  overloaded_error: "server_error",
  api_error: "server_error",
  rate_limit_error: "rate_limited",
  authentication_error: "auth",
  permission_error: "auth",
  invalid_request_error: "bad_request",
};

function buildBody({ config, request }: TWireCall, stream: boolean) {
  const system =
    request.responseFormat === "json"
      ? [request.system, JSON_INSTRUCTION].filter(Boolean).join("\n\n")
      : request.system;
  return {
    model: config.model,
    max_tokens: request.maxTokens ?? config.maxTokens,
    // Anthropic's range is 0–1, the shared setting's is 0–2.
    temperature: Math.min(1, request.temperature ?? config.temperature),
    ...(system ? { system } : {}),
    messages: mergeTurns(request.messages),
    ...(stream ? { stream: true } : {}),
  };
}

export async function anthropicChat(call: TWireCall): Promise<TWireResult> {
  const stream = !!call.onDelta;
  const res = await postJson({
    url: `${call.baseUrl}/v1/messages`,
    headers: {
      "x-api-key": call.config.apiKey ?? "",
      "anthropic-version": ANTHROPIC_VERSION,
      ...(stream ? { accept: "text/event-stream" } : {}),
    },
    body: buildBody(call, stream),
    signal: call.signal,
  });
  if (stream) return readStream(res, call);
  const data = await readJson(res, ZMessage, "The message");
  const content = data.content.map((b) => (b.type === "text" ? (b.text ?? "") : "")).join("");
  if (!content) throw new ProviderError("bad_response", `Empty answer (stop_reason ${data.stop_reason})`);
  return { content, tokensIn: data.usage.input_tokens, tokensOut: data.usage.output_tokens };
}

async function readStream(res: Response, call: TWireCall): Promise<TWireResult> {
  let content = "";
  let tokensIn: number | undefined;
  let tokensOut: number | undefined;
  let finished = false;
  for await (const { data } of readSse(res, call.touch)) {
    const event = parseJson(data, ZEvent, "A stream event");
    if (event.type === "message_start") {
      tokensIn = parseJson(data, ZMessageStart, "message_start").message.usage.input_tokens;
    } else if (event.type === "content_block_delta") {
      const piece = parseJson(data, ZBlockDelta, "content_block_delta").delta.text;
      if (piece) {
        content += piece;
        call.onDelta?.(piece);
      }
    } else if (event.type === "message_delta") {
      // cumulative, so the last one wins
      tokensOut = parseJson(data, ZMessageDelta, "message_delta").usage.output_tokens;
    } else if (event.type === "message_stop") {
      finished = true;
      break;
    } else if (event.type === "error") {
      const { error } = parseJson(data, ZStreamError, "A stream error");
      throw new ProviderError(
        STREAM_ERROR_KINDS[error.type] ?? "server_error",
        `Stream error: ${error.message}`,
      );
    }
  }
  if (!finished) throw new ProviderError("network", "The stream ended before the answer finished");
  if (!content) throw new ProviderError("bad_response", "Empty answer");
  return { content, tokensIn, tokensOut };
}
