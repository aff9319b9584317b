import type { IncomingMessage, ServerResponse } from "node:http";

// Security headers for every response. Pages may not be framed, except the routes that exist to be
// embedded in tenants' sites (the chat widget's iframe), whose framing is governed per tenant.
export const EMBEDDABLE_PREFIXES = ["/widget/"];

export function isEmbeddable(pathname: string): boolean {
  return EMBEDDABLE_PREFIXES.some((p) => pathname.startsWith(p));
}

/** The tenant slug of the widget's iframe page (/widget/chat/<slug>), whose framing is per tenant. */
export function widgetChatSlug(pathname: string): string | null {
  return /^\/widget\/chat\/([a-z0-9-]{1,100})\/?$/i.exec(pathname)?.[1]?.toLowerCase() ?? null;
}

export function contentSecurityPolicy(opts: {
  dev: boolean;
  embeddable: boolean;
  /** the only sites (besides Kefu itself) that may frame an embeddable page; absent = any site */
  frameAncestors?: readonly string[];
}): string {
  const ancestors = opts.frameAncestors?.length
    ? ["'self'", ...opts.frameAncestors].join(" ")
    : opts.embeddable
      ? "*"
      : "'none'";
  return [
    "default-src 'self'",
    // Next's inline bootstrap scripts need 'unsafe-inline' without nonces; dev HMR needs eval
    `script-src 'self' 'unsafe-inline'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    `frame-ancestors ${ancestors}`,
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
