import type { IncomingHttpHeaders } from "node:http";
import type { TVendorRoute } from "./fake-llm-wire";

// What the fake LLM vendor does per request: the behaviour table, keyed by route and/or model, and
// shorthands for the usual misbehaviours.

export type TRecordedRequest = {
  route: TVendorRoute;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  stream: boolean;
  authorized: boolean;
};

export type TAnswer = string | ((req: TRecordedRequest) => string);

export type TBehaviour =
  | {
      type: "ok";
      answer?: TAnswer;
      /** wait before answering */
      delayMs?: number;
      /** streams: wait between frames */
      chunkGapMs?: number;
      /** streams: send this many frames, then hang without closing */
      stallAfterFrames?: number;
      /** embeddings: force this vector length instead of the requested one */
      dimensions?: number;
      /** false: leave usage out (non-stream bodies and OpenAI's usage chunk) */
      usage?: boolean;
    }
  | { type: "timeout" }
  | { type: "status"; status: number; retryAfter?: string; message?: string }
  /** "syntax": a 200 that is not JSON (or a broken SSE frame); "shape": valid JSON of the wrong shape */
  | { type: "malformed"; kind?: "syntax" | "shape" }
  /** one step per request; the last step repeats */
  | { type: "sequence"; steps: TBehaviour[] };

export const behave = {
  ok: (
    answer?: TAnswer,
    more: Omit<Extract<TBehaviour, { type: "ok" }>, "type" | "answer"> = {},
  ): TBehaviour => ({ type: "ok", answer, ...more }),
  timeout: (): TBehaviour => ({ type: "timeout" }),
  delay: (delayMs: number, answer?: TAnswer): TBehaviour => ({ type: "ok", answer, delayMs }),
  rateLimited: (retryAfter = "1"): TBehaviour => ({
    type: "status",
    status: 429,
    retryAfter,
    message: "Rate limit reached",
  }),
  serverError: (status = 500): TBehaviour => ({ type: "status", status, message: "The server had an error" }),
  malformed: (kind: "syntax" | "shape" = "syntax"): TBehaviour => ({ type: "malformed", kind }),
  slowStream: (chunkGapMs: number, answer?: TAnswer): TBehaviour => ({ type: "ok", answer, chunkGapMs }),
  stall: (stallAfterFrames: number, answer?: TAnswer): TBehaviour => ({
    type: "ok",
    answer,
    stallAfterFrames,
  }),
  failTimes: (n: number, failure: TBehaviour, then: TBehaviour = { type: "ok" }): TBehaviour => ({
    type: "sequence",
    steps: [...Array<TBehaviour>(n).fill(failure), then],
  }),
};

/** Behaviours by "route|model" ("*" for any); the most specific setting wins. */
export function createBehaviourTable() {
  const table = new Map<string, TBehaviour>();
  const served = new WeakMap<TBehaviour, number>();
  return {
    set(b: TBehaviour, where: { route?: TVendorRoute; model?: string } = {}) {
      table.set(`${where.route ?? "*"}|${where.model ?? "*"}`, b);
    },
    clear: () => table.clear(),
    /** the behaviour for this request; a sequence advances by one step per request */
    pick(route: TVendorRoute, model: string): Exclude<TBehaviour, { type: "sequence" }> {
      let b = table.get(`${route}|${model}`) ??
        table.get(`*|${model}`) ??
        table.get(`${route}|*`) ??
        table.get("*|*") ?? { type: "ok" };
      while (b.type === "sequence") {
        const n = served.get(b) ?? 0;
        served.set(b, n + 1);
        b = b.steps[Math.min(n, b.steps.length - 1)] ?? { type: "ok" };
      }
      return b;
    },
  };
}
