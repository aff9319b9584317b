// The one error type of the gateway. Every failure of a vendor call becomes a ProviderError with a kind
// the retry loop, the cool-down and the "test connection" button can switch on; a caller's own abort and
// programming errors are deliberately not ProviderErrors, so they are never retried or counted.

export const PROVIDER_ERROR_KINDS = [
  "timeout",
  "rate_limited",
  "server_error",
  "bad_response",
  "auth",
  "bad_request",
  "network",
] as const;
export type TProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

const RETRYABLE: Record<TProviderErrorKind, boolean> = {
  timeout: true,
  rate_limited: true,
  server_error: true,
  network: true,
  // The same request would get the same answer: move on to the next provider instead.
  bad_response: false,
  auth: false,
  bad_request: false,
};

/** The result label of a failed call in kefu_provider_calls_total: the error kind, or the caller's abort. */
export const callResult = (e: unknown): string => (e instanceof ProviderError ? e.kind : "aborted");

export type TProviderErrorDetails = { status?: number; retryAfterMs?: number; cause?: unknown };

export class ProviderError extends Error {
  readonly retryable: boolean;
  readonly status?: number;
  /** from Retry-After / retry-after-ms on a 429 or 503, uncapped (the retry policy caps it) */
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: TProviderErrorKind,
    message: string,
    details: TProviderErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "ProviderError";
    this.retryable = RETRYABLE[kind];
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

export function kindForStatus(status: number): TProviderErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limited";
  if (status === 408) return "timeout";
  if (status >= 500) return "server_error";
  if (status >= 400) return "bad_request";
  return "bad_response";
}

/** Retry-After is either delta-seconds or an HTTP date; OpenAI also sends retry-after-ms. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A short human message from any of the vendors' error bodies ({error:{message}}, {error}, {message}). */
export function vendorMessage(body: string): string {
  try {
    const data = JSON.parse(body) as unknown;
    if (data && typeof data === "object") {
      const rec = data as { error?: unknown; message?: unknown };
      const err = rec.error;
      if (err && typeof err === "object" && typeof (err as { message?: unknown }).message === "string") {
        return (err as { message: string }).message;
      }
      if (typeof err === "string") return err;
      if (typeof rec.message === "string") return rec.message;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.trim();
}

export async function errorFromResponse(res: Response): Promise<ProviderError> {
  const body = await res.text().catch(() => "");
  let kind = kindForStatus(res.status);
  // Gemini answers a bad key with 400 INVALID_ARGUMENT, not 401.
  if (res.status === 400 && body.includes("API_KEY_INVALID")) kind = "auth";
  const detail = clip(vendorMessage(body) || res.statusText, 300);
  return new ProviderError(kind, `HTTP ${res.status}${detail ? `: ${detail}` : ""}`, {
    status: res.status,
    retryAfterMs: res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers) : undefined,
  });
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
