import { describe, expect, it } from "vitest";
import { ProviderError, errorFromResponse, kindForStatus, parseRetryAfter } from "./provider-error";

describe("ProviderError", () => {
  it("marks timeouts, 429, 5xx and network failures retryable, and nothing else", () => {
    const retryable = ["timeout", "rate_limited", "server_error", "network"] as const;
    const final = ["bad_response", "auth", "bad_request"] as const;
    for (const kind of retryable) expect(new ProviderError(kind, "x").retryable).toBe(true);
    for (const kind of final) expect(new ProviderError(kind, "x").retryable).toBe(false);
  });

  it("maps statuses to kinds", () => {
    expect([400, 401, 403, 404, 408, 429, 500, 503, 529].map(kindForStatus)).toEqual([
      "bad_request",
      "auth",
      "auth",
      "bad_request",
      "timeout",
      "rate_limited",
      "server_error",
      "server_error",
      "server_error",
    ]);
  });

  it("reads Retry-After as seconds, as an HTTP date, and OpenAI's retry-after-ms", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "7" }), now)).toBe(7000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "1" }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it("builds the error from a vendor body, with the vendor's message", async () => {
    const res = new Response(JSON.stringify({ error: { message: "Slow down" } }), {
      status: 429,
      headers: { "retry-after": "2" },
    });
    const e = await errorFromResponse(res);
    expect(e).toMatchObject({
      kind: "rate_limited",
      status: 429,
      retryAfterMs: 2000,
      message: "HTTP 429: Slow down",
    });
    const html = await errorFromResponse(new Response("<html>Bad Gateway</html>", { status: 502 }));
    expect(html).toMatchObject({ kind: "server_error", retryAfterMs: undefined });
  });
});
