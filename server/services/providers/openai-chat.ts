import { z } from "zod";
import { JSON_INSTRUCTION, type TWireCall, type TWireResult } from "./chat-types";
import { parseJson, postJson, readJson } from "./http";
import { ProviderError } from "./provider-error";
import { readSse } from "./sse";

// OpenAI chat completions, also spoken by DeepSeek, Moonshot, Qwen (compatible mode), ERNIE (Qianfan v2)
// and any OpenAI-compatible server.

const ZUsage = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});

const ZCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: ZUsage.nullish(),
});

const ZChunk = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: ZUsage.nullish(),
  // Some compatible servers report a failure inside a 200 stream instead of an HTTP status.
  error: z.object({ message: z.string().optional() }).loose().nullish(),
});

function buildBody({ config, request }: TWireCall, stream: boolean) {
  const json = request.responseFormat === "json";
  // JSON mode requires the word "JSON" in the prompt on OpenAI; the instruction also helps the others.
  const system = json ? [request.system, JSON_INSTRUCTION].filter(Boolean).join("\n\n") : request.system;
  return {
    model: config.model,
    messages: [...(system ? [{ role: "system", content: system }] : []), ...request.messages],
    temperature: request.temperature ?? config.temperature,
    // OpenAI's reasoning models accept only max_completion_tokens; the compatible vendors only max_tokens.
    [config.kind === "OPENAI" ? "max_completion_tokens" : "max_tokens"]:
      request.maxTokens ?? config.maxTokens,
    ...(json ? { response_format: { type: "json_object" } } : {}),
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
}

function headers(call: TWireCall): Record<string, string> {
  return call.config.apiKey ? { authorization: `Bearer ${call.config.apiKey}` } : {};
}

export async function openAiChat(call: TWireCall): Promise<TWireResult> {
  const stream = !!call.onDelta;
  const res = await postJson({
    url: `${call.baseUrl}/chat/completions`,
    headers: stream ? { ...headers(call), accept: "text/event-stream" } : headers(call),
    body: buildBody(call, stream),
    signal: call.signal,
  });
  if (stream) return readStream(res, call);
  const data = await readJson(res, ZCompletion, "The chat completion");
  const content = data.choices[0].message.content ?? "";
  if (!content) {
    throw new ProviderError("bad_response", `Empty answer (finish_reason ${data.choices[0].finish_reason})`);
  }
  return { content, tokensIn: data.usage?.prompt_tokens, tokensOut: data.usage?.completion_tokens };
}

async function readStream(res: Response, call: TWireCall): Promise<TWireResult> {
  let content = "";
  let usage: z.infer<typeof ZUsage> | undefined;
  let finished = false;
  for await (const { data } of readSse(res, call.touch)) {
    if (data === "[DONE]") {
      finished = true;
      break;
    }
    const chunk = parseJson(data, ZChunk, "A stream chunk");
    if (chunk.error)
      throw new ProviderError("server_error", `Stream error: ${chunk.error.message ?? "unknown"}`);
    const choice = chunk.choices?.[0];
    const piece = choice?.delta?.content;
    if (piece) {
      content += piece;
      call.onDelta?.(piece);
    }
    if (choice?.finish_reason) finished = true;
    if (chunk.usage) usage = chunk.usage;
  }
  if (!finished) throw new ProviderError("network", "The stream ended before the answer finished");
  if (!content) throw new ProviderError("bad_response", "Empty answer");
  return { content, tokensIn: usage?.prompt_tokens, tokensOut: usage?.completion_tokens };
}
