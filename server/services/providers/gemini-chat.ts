import { z } from "zod";
import { mergeTurns, type TWireCall, type TWireResult } from "./chat-types";
import { parseJson, postJson, readJson } from "./http";
import { ProviderError } from "./provider-error";
import { readSse } from "./sse";

// Google Gemini generateContent (v1beta). The key goes in a header, not the ?key= query, so it never
// lands in URL logs.

const ZResponse = z.object({
  candidates: z
    .array(
      z.object({
        content: z
          .object({
            parts: z
              .array(z.object({ text: z.string().optional(), thought: z.boolean().optional() }).loose())
              .optional(),
          })
          .loose()
          .optional(),
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  usageMetadata: z
    .object({
      promptTokenCount: z.number().int().nonnegative().optional(),
      candidatesTokenCount: z.number().int().nonnegative().optional(),
      thoughtsTokenCount: z.number().int().nonnegative().optional(),
    })
    .loose()
    .optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).loose().optional(),
});
type TResponse = z.infer<typeof ZResponse>;

function buildBody({ config, request }: TWireCall) {
  return {
    ...(request.system ? { systemInstruction: { parts: [{ text: request.system }] } } : {}),
    contents: mergeTurns(request.messages).map((m) => ({
      role: m.role === "assistant" ? "model" : "user",
      parts: [{ text: m.content }],
    })),
    generationConfig: {
      temperature: request.temperature ?? config.temperature,
      maxOutputTokens: request.maxTokens ?? config.maxTokens,
      ...(request.responseFormat === "json" ? { responseMimeType: "application/json" } : {}),
    },
  };
}

/** The visible text of a response or chunk; thought summaries are not part of the answer. */
function textOf(data: TResponse): string {
  const parts = data.candidates?.[0]?.content?.parts ?? [];
  return parts.map((p) => (p.thought ? "" : (p.text ?? ""))).join("");
}

function usageOf(data: TResponse) {
  const u = data.usageMetadata;
  if (!u) return {};
  // Thinking tokens are billed as output.
  const out =
    u.candidatesTokenCount === undefined ? undefined : u.candidatesTokenCount + (u.thoughtsTokenCount ?? 0);
  return { tokensIn: u.promptTokenCount, tokensOut: out };
}

export async function geminiChat(call: TWireCall): Promise<TWireResult> {
  const stream = !!call.onDelta;
  const model = encodeURIComponent(call.config.model.replace(/^models\//, ""));
  const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
  const res = await postJson({
    url: `${call.baseUrl}/v1beta/models/${model}:${method}`,
    headers: {
      "x-goog-api-key": call.config.apiKey ?? "",
      ...(stream ? { accept: "text/event-stream" } : {}),
    },
    body: buildBody(call),
    signal: call.signal,
  });
  if (stream) return readStream(res, call);
  const data = await readJson(res, ZResponse, "The generateContent response");
  const content = textOf(data);
  if (!content) throw emptyAnswer(data);
  return { content, ...usageOf(data) };
}

function emptyAnswer(data: TResponse): ProviderError {
  const reason = data.promptFeedback?.blockReason ?? data.candidates?.[0]?.finishReason ?? "no candidates";
  return new ProviderError("bad_response", `Empty answer (${reason})`);
}

async function readStream(res: Response, call: TWireCall): Promise<TWireResult> {
  let content = "";
  let usage: { tokensIn?: number; tokensOut?: number } = {};
  let last: TResponse | undefined;
  // Gemini ends the stream by closing it; the last chunk carries finishReason and the final usage.
  for await (const { data } of readSse(res, call.touch)) {
    const chunk = parseJson(data, ZResponse, "A stream chunk");
    last = chunk;
    const piece = textOf(chunk);
    if (piece) {
      content += piece;
      call.onDelta?.(piece);
    }
    if (chunk.usageMetadata) usage = usageOf(chunk);
  }
  if (!last?.candidates?.[0]?.finishReason && !last?.promptFeedback?.blockReason) {
    throw new ProviderError("network", "The stream ended before the answer finished");
  }
  if (!content) throw emptyAnswer(last);
  return { content, ...usage };
}
