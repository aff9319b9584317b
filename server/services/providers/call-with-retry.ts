import { ProviderError } from "./provider-error";

// Retries one provider on retryable failures (timeout, 429, 5xx, network) with exponential backoff and
// jitter. Anything that is not a ProviderError — the caller's abort, a bug — is re-thrown at once.

export type TRetryInfo = { attempt: number; error: ProviderError; delayMs: number };

export type TRetryOptions = {
  /** retries after the first attempt */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * The longest Retry-After we wait for. A vendor asking for longer is not called again early: we give
   * up on it and let the chain move to the next provider instead.
   */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  /** injectable so tests neither wait nor depend on chance */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (info: TRetryInfo) => void;
};

export const RETRY_DEFAULTS = { retries: 2, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Backoff before retry number `attempt` (1-based): "equal jitter", half fixed and half random. */
export function backoffDelay(attempt: number, opts: TRetryOptions = {}): number {
  const base = opts.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = opts.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (opts.random ?? Math.random)() * (ceiling / 2));
}

/** The wait before the next attempt, or null when this error should not be retried. */
export function retryDelay(error: ProviderError, attempt: number, opts: TRetryOptions = {}): number | null {
  if (!error.retryable) return null;
  if (error.retryAfterMs !== undefined) {
    const cap = opts.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
    return error.retryAfterMs <= cap ? error.retryAfterMs : null;
  }
  return backoffDelay(attempt, opts);
}

/** Runs `fn` (given the 0-based attempt number) until it succeeds, fails for good, or retries run out. */
export async function callWithRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: TRetryOptions = {},
): Promise<T> {
  const retries = Math.max(0, opts.retries ?? RETRY_DEFAULTS.retries);
  const wait = opts.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!(e instanceof ProviderError) || opts.signal?.aborted || attempt >= retries) throw e;
      const delayMs = retryDelay(e, attempt + 1, opts);
      if (delayMs === null) throw e;
      opts.onRetry?.({ attempt: attempt + 1, error: e, delayMs });
      await wait(delayMs, opts.signal);
    }
  }
}
