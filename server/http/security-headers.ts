import type { IncomingMessage, ServerResponse } from "node:http";

// Security headers for every response. Pages may not be framed, except the routes that exist to be
// embedded in tenants' sites (the chat widget's iframe), whose framing is governed per tenant.
export const EMBEDDABLE_PREFIXES = ["/widget/"];

export function isEmbeddable(pathname: string): boolean {
  return EMBEDDABLE_PREFIXES.some((p) => pathname.startsWith(p));
}

export function contentSecurityPolicy(opts: { dev: boolean; embeddable: boolean }): string {
  return [
    "default-src 'self'",
    // Next's inline bootstrap scripts need 'unsafe-inline' without nonces; dev HMR needs eval
    `script-src 'self' 'unsafe-inline'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    `frame-ancestors ${opts.embeddable ? "*" : "'none'"}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { dev: boolean; pathname: string; https: boolean },
): void {
  const embeddable = isEmbeddable(opts.pathname);
  res.setHeader("Content-Security-Policy", contentSecurityPolicy({ dev: opts.dev, embeddable }));
  if (!embeddable) res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (opts.https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
