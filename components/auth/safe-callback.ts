/**
 * A same-origin path to continue to after signing in, or null. Absolute URLs (next-auth builds them)
 * are accepted only for this origin, so the login page cannot be used as an open redirect.
 */
export function safeCallbackUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const base = typeof window === "undefined" ? "http://localhost" : window.location.origin;
    const url = new URL(raw, base);
    if (url.origin !== base) return null;
    if (url.pathname.startsWith("/login") || url.pathname.startsWith("/signup")) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}
