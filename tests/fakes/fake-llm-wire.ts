import { createHash } from "node:crypto";

// Vendor-shaped bodies for the fake LLM vendor: what OpenAI, Anthropic and Gemini actually send, reduced
// to the fields a client may read. Kept apart from the server so the routing stays readable.

export type TVendorRoute = "openai" | "embeddings" | "anthropic" | "gemini";

/** The fake's token count: one per started group of four characters, so tests can predict usage. */
export function countFakeTokens(text: string): number {
  return Math.max(1, Math.ceil([...text].length / 4));
}

/** A deterministic unit vector of `dim` numbers derived from a hash of the text. */
export function fakeEmbedding(text: string, dim: number): number[] {
  let seed = createHash("sha256").update(text).digest().readUInt32LE(0) || 1;
  const raw = Array.from({ length: dim }, () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) / 0xffffffff) * 2 - 1;
  });
  const norm = Math.hypot(...raw) || 1;
  return raw.map((v) => v / norm);
}

type TBody = Record<string, unknown>;
const texts = (v: unknown): string[] => {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === "object") {
    const o = v as TBody;
    return [...texts(o.text), ...texts(o.content), ...texts(o.parts)];
  }
  return [];
};

/** All prompt text of a request, whatever the wire format (for usage and for scripted answers). */
export function promptText(route: TVendorRoute, body: TBody): string {
  if (route === "openai") return texts(body.messages).join("\n");
  if (route === "anthropic") return [...texts(body.system), ...texts(body.messages)].join("\n");
  if (route === "gemini") return [...texts(body.systemInstruction), ...texts(body.contents)].join("\n");
  return texts(body.input).join("\n");
}

/** Splits an answer into stream pieces of a few characters (code points, so CJK is never cut). */
export function pieces(answer: string, size = 4): string[] {
  const chars = [...answer];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

export function completionBody(route: TVendorRoute, model: string, answer: string, tokensIn: number) {
  const tokensOut = countFakeTokens(answer);
  if (route === "anthropic") {
    return {
      id: "msg_fake",
      type: "message",
      role: "assistant",
      model,
      content: [{ type: "text", text: answer }],
      stop_reason: "end_turn",
      usage: { input_tokens: tokensIn, output_tokens: tokensOut },
    };
  }
  if (route === "gemini") {
    return {
      candidates: [{ content: { parts: [{ text: answer }], role: "model" }, finishReason: "STOP", index: 0 }],
      usageMetadata: {
        promptTokenCount: tokensIn,
        candidatesTokenCount: tokensOut,
        totalTokenCount: tokensIn + tokensOut,
      },
      modelVersion: model,
    };
  }
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
    usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut },
  };
}

const frame = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`;

/** The SSE frames of a streamed answer, one content piece per frame between the vendor's framing. */
export function streamFrames(
  route: TVendorRoute,
  model: string,
  answer: string,
  tokensIn: number,
  usage: boolean,
): string[] {
  const tokensOut = countFakeTokens(answer);
  const parts = pieces(answer);
  if (route === "anthropic") {
    return [
      frame(
        {
          type: "message_start",
          message: {
            id: "msg_fake",
            type: "message",
            role: "assistant",
            model,
            content: [],
            usage: { input_tokens: tokensIn, output_tokens: 1 },
          },
        },
        "message_start",
      ),
      frame(
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        "content_block_start",
      ),
      frame({ type: "ping" }, "ping"),
      ...parts.map((text) =>
        frame(
          { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
          "content_block_delta",
        ),
      ),
      frame({ type: "content_block_stop", index: 0 }, "content_block_stop"),
      frame(
        { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: tokensOut } },
        "message_delta",
      ),
      frame({ type: "message_stop" }, "message_stop"),
    ];
  }
  if (route === "gemini") {
    return parts.map((text, i) => {
      const last = i === parts.length - 1;
      return frame({
        candidates: [
          {
            content: { parts: [{ text }], role: "model" },
            index: 0,
            ...(last ? { finishReason: "STOP" } : {}),
          },
        ],
        usageMetadata: last
          ? { promptTokenCount: tokensIn, candidatesTokenCount: tokensOut }
          : { promptTokenCount: tokensIn },
        modelVersion: model,
      });
    });
  }
  const chunk = (delta: object, finish: string | null) => ({
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return [
    frame(chunk({ role: "assistant", content: "" }, null)),
    ...parts.map((content) => frame(chunk({ content }, null))),
    frame(chunk({}, "stop")),
    ...(usage
      ? [
          frame({
            id: "chatcmpl-fake",
            object: "chat.completion.chunk",
            model,
            choices: [],
            usage: {
              prompt_tokens: tokensIn,
              completion_tokens: tokensOut,
              total_tokens: tokensIn + tokensOut,
            },
          }),
        ]
      : []),
    "data: [DONE]\n\n",
  ];
}

/** The error body each vendor sends with a non-2xx status. */
export function errorBody(route: TVendorRoute, status: number, message: string) {
  if (route === "anthropic") {
    const type =
      status === 429
        ? "rate_limit_error"
        : status === 401
          ? "authentication_error"
          : status >= 500
            ? "api_error"
            : "invalid_request_error";
    return { type: "error", error: { type, message } };
  }
  if (route === "gemini") {
    const s = status === 429 ? "RESOURCE_EXHAUSTED" : status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
    return { error: { code: status, message, status: s } };
  }
  return { error: { message, type: status === 429 ? "requests" : "server_error", code: null } };
}
