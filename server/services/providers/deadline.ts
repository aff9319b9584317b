import { ProviderError } from "./provider-error";

// One AbortController per vendor call, aborted when the caller aborts or when no progress was made for
// `timeoutMs`. Streams call touch() on every chunk, so the limit is "time without progress": a long answer
// that keeps streaming is fine, a stream that stalls is cut like a request that never answers.

export type TDeadline = {
  signal: AbortSignal;
  /** progress was made: restart the idle timer */
  touch(): void;
  clear(): void;
  readonly timedOut: boolean;
};

export function createDeadline(timeoutMs: number, outer?: AbortSignal): TDeadline {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onOuterAbort = () => controller.abort(outer?.reason);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new ProviderError("timeout", `No progress within ${timeoutMs} ms`));
    }, timeoutMs);
  };
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", onOuterAbort, { once: true });
  arm();
  return {
    signal: controller.signal,
    touch: () => {
      if (!controller.signal.aborted) arm();
    },
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    },
    get timedOut() {
      return timedOut;
    },
  };
}
