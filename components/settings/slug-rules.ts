// Mirrors server/services/tenants/slug.ts so the message appears while typing.
const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const RESERVED = new Set([
  "api",
  "admin",
  "app",
  "widget",
  "www",
  "static",
  "login",
  "signup",
  "invite",
  "agent",
  "metrics",
]);

export type TSlugProblem = "short" | "long" | "format" | "reserved" | null;

export function slugProblem(slug: string): TSlugProblem {
  if (slug.length < 3) return "short";
  if (slug.length > 40) return "long";
  if (!SLUG_RE.test(slug)) return "format";
  if (RESERVED.has(slug)) return "reserved";
  return null;
}
