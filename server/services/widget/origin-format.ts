// Pure (no database): shared by the settings service and the settings page, so the page validates
// an allowed origin exactly as the server will while the user types.

/**
 * The origin a URL-ish string names ("https://Shop.example.com/" → "https://shop.example.com"), the
 * way browsers send it in the Origin header (lower-case host, no default port, no trailing slash), or
 * null when it is anything more (a path, query, credentials, a wildcard) or less (no scheme).
 */
export function normaliseOrigin(value: string): string | null {
  if (!/^https?:\/\/[^/?#*\s]+\/?$/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
