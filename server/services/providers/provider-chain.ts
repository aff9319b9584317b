import { callWithRetry, type TRetryOptions } from "./call-with-retry";
import { chat } from "./chat";
import type { TChatOptions, TChatRequestInput, TChatResult } from "./chat-types";
import { createCooldown, type TCooldown } from "./cooldown";
import type { TProviderConfigInput, TProviderKind } from "./provider-config";
import { ProviderError, type TProviderErrorKind } from "./provider-error";

// The tenant's ordered chain: each enabled provider that is not cooling down gets its retries, then the
// next one is tried. Provider failures never throw: the result says ok:false and lists every attempt, and
// the pipeline degrades to the knowledge-base template and the default reply. Only the caller's own
// abort (returned as reason "aborted") and programming errors (thrown) end the chain early.

export type TAttempt = {
  providerId: string;
  provider: string;
  kind: TProviderKind;
  model: string;
  /** 0 for the first call to this provider, then 1, 2… for its retries */
  retry: number;
  ok: boolean;
  errorKind: TProviderErrorKind | null;
  error: string | null;
  status: number | null;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
};

export type TSkipped = {
  providerId: string;
  provider: string;
  reason: "disabled" | "cooling_down";
  retryInMs: number;
};

export type TChainResult =
  | { ok: true; result: TChatResult; attempts: TAttempt[]; skipped: TSkipped[] }
  | {
      ok: false;
      /** no_providers: nothing configured or everything skipped; all_failed: every call failed */
      reason: "no_providers" | "all_failed" | "aborted";
      attempts: TAttempt[];
      skipped: TSkipped[];
    };

export type TChainOptions = TChatOptions & {
  retry?: Omit<TRetryOptions, "signal">;
  cooldown?: TCooldown;
  /**
   * Streaming only: called before a new attempt when an earlier one already sent deltas, so the channel
   * can discard the partial answer instead of showing two answers glued together.
   */
  onReset?: () => void;
};

type TOutcome = Omit<TAttempt, "providerId" | "provider" | "kind" | "model" | "retry">;

function succeeded(r: TChatResult): TOutcome {
  const { latencyMs, tokensIn, tokensOut } = r;
  return { ok: true, errorKind: null, error: null, status: null, latencyMs, tokensIn, tokensOut };
}

function failed(e: ProviderError, started: number): TOutcome {
  const latencyMs = Math.round(performance.now() - started);
  // Tokens of a failed call are unknown (a broken stream may have been billed in part): recorded as 0.
  return {
    ok: false,
    errorKind: e.kind,
    error: e.message,
    status: e.status ?? null,
    latencyMs,
    tokensIn: 0,
    tokensOut: 0,
  };
}

export async function runProviderChain(
  providers: TProviderConfigInput[],
  request: TChatRequestInput,
  opts: TChainOptions = {},
): Promise<TChainResult> {
  const cooldown = opts.cooldown ?? createCooldown();
  const attempts: TAttempt[] = [];
  const skipped: TSkipped[] = [];
  let streamed = false;
  const onDelta = opts.onDelta
    ? (text: string) => {
        streamed = true;
        opts.onDelta?.(text);
      }
    : undefined;

  for (const p of providers) {
    const label = { providerId: p.id, provider: p.name };
    if (p.enabled === false) {
      skipped.push({ ...label, reason: "disabled", retryInMs: 0 });
      continue;
    }
    const retryInMs = cooldown.remainingMs(p.id);
    if (retryInMs > 0) {
      skipped.push({ ...label, reason: "cooling_down", retryInMs });
      continue;
    }
    const base = { ...label, kind: p.kind, model: p.model };
    try {
      const result = await callWithRetry(
        async (retry) => {
          if (streamed) {
            streamed = false;
            opts.onReset?.();
          }
          const started = performance.now();
          try {
            const r = await chat(p, request, { signal: opts.signal, onDelta });
            attempts.push({ ...base, retry, ...succeeded(r) });
            return r;
          } catch (e) {
            if (e instanceof ProviderError) attempts.push({ ...base, retry, ...failed(e, started) });
            throw e;
          }
        },
        { ...opts.retry, signal: opts.signal },
      );
      await cooldown.recordSuccess(p.id);
      return { ok: true, result, attempts, skipped };
    } catch (e) {
      if (opts.signal?.aborted) return { ok: false, reason: "aborted", attempts, skipped };
      if (!(e instanceof ProviderError)) throw e;
      await cooldown.recordFailure(p.id, e);
    }
  }
  return { ok: false, reason: attempts.length ? "all_failed" : "no_providers", attempts, skipped };
}
