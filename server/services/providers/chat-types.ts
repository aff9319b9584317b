import { z } from "zod";
import type { TProviderConfig, TProviderKind } from "./provider-config";

export const ZChatMessage = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string(),
});
export type TChatMessage = z.infer<typeof ZChatMessage>;

export const ZChatRequest = z.object({
  system: z.string().default(""),
  messages: z.array(ZChatMessage).min(1),
  /** falls back to the provider's configured value */
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  responseFormat: z.literal("json").optional(),
});
export type TChatRequestInput = z.input<typeof ZChatRequest>;
export type TChatRequest = z.output<typeof ZChatRequest>;

export type TChatOptions = {
  signal?: AbortSignal;
  /** streaming is requested when this is set; receives each piece of the answer as it arrives */
  onDelta?: (text: string) => void;
};

export type TChatResult = {
  content: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  /** the provider's display name (what a message records); providerId identifies the row */
  provider: string;
  providerId: string;
  kind: TProviderKind;
  /** the configured model, stable for per-model statistics even when the vendor reports a dated alias */
  model: string;
  costMicros: bigint;
  /** true when the vendor reported no usage and the tokens are our estimate */
  usageEstimated: boolean;
};

/** What one wire-format module is given and returns; the dispatcher adds timing, cost and estimates. */
export type TWireCall = {
  config: TProviderConfig;
  request: TChatRequest;
  baseUrl: string;
  signal: AbortSignal;
  /** progress on a stream: keeps the idle deadline from firing */
  touch: () => void;
  onDelta?: (text: string) => void;
};
export type TWireResult = { content: string; tokensIn?: number; tokensOut?: number };

/**
 * Vendors disagree on two turns of the same role in a row (some reject them, some merge them quietly);
 * a context window cut at a topic switch can produce them, so they are joined the same way everywhere.
 */
export function mergeTurns(messages: TChatMessage[]): TChatMessage[] {
  const out: TChatMessage[] = [];
  for (const m of messages) {
    const last = out[out.length - 1];
    if (last && last.role === m.role) last.content = `${last.content}\n\n${m.content}`;
    else out.push({ ...m });
  }
  return out;
}

export const JSON_INSTRUCTION = "Reply with one JSON object only, no prose and no code fences.";
