import { z } from "zod";
import { env } from "../../env";
import { assertUrlAllowed, UrlRefusedError } from "../../http/url-guard";
import { ProviderError, clip, errorFromResponse } from "./provider-error";

// The only place the gateway touches fetch. Transport failures become "network" errors; the caller
// (chat/embeddings) then decides whether an abort behind them was its deadline or its own caller.

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `${e.message} (${code})` : e.message;
}

/** Runs a transport step; anything it throws that is not already a ProviderError is a network failure. */
export async function net<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof ProviderError) throw e;
    throw new ProviderError("network", `${what}: ${describe(e)}`, { cause: e });
  }
}

/**
 * Tenant admins configure provider URLs, so every call is checked first (SSRF): a refused URL is a
 * bad_request — not retried, the chain moves on, and "test connection" shows the reason.
 */
async function guardUrl(url: string): Promise<void> {
  try {
    await assertUrlAllowed(url, { allowPrivate: env().KEFU_ALLOW_PRIVATE_URLS });
  } catch (e) {
    if (e instanceof UrlRefusedError) throw new ProviderError("bad_request", `Refused: ${e.message}`);
    throw e;
  }
}

export type TPost = { url: string; headers: Record<string, string>; body: unknown; signal: AbortSignal };

/** POSTs JSON and returns the response if it is 2xx; otherwise throws the vendor's error, classified. */
export async function postJson({ url, headers, body, signal }: TPost): Promise<Response> {
  await guardUrl(url);
  const res = await net("request failed", () =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
      signal,
      // a redirect would bypass the URL guard (to a metadata address, say): vendors' APIs do not redirect
      redirect: "error",
    }),
  );
  if (!res.ok) throw await net("reading the error failed", () => errorFromResponse(res));
  return res;
}

/** Parses and validates a vendor payload; both a syntax error and a wrong shape are bad_response. */
export function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProviderError("bad_response", `${what} is not JSON: ${clip(text, 120)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ProviderError(
      "bad_response",
      `${what} has an unexpected shape: ${clip(z.prettifyError(parsed.error), 300)}`,
    );
  }
  return parsed.data;
}

export async function readJson<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await net("reading the response failed", () => res.text());
  return parseJson(text, schema, what);
}
