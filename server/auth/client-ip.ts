import { env } from "../env";

type THeaders = Record<string, string | string[] | undefined> | Headers | undefined;

function header(h: THeaders, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The client's address. X-Forwarded-For is only believed behind a trusted proxy (TRUST_PROXY);
 * server/main.ts otherwise overwrites it with the socket address, so it is always set.
 */
export function clientIpFromHeaders(h: THeaders): string | null {
  const forwarded = header(h, "x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || header(h, "x-real-ip") || null;
}

export function trustProxy(): boolean {
  return Boolean(env().TRUST_PROXY);
}
