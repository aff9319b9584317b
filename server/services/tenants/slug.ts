import { randomBytes } from "node:crypto";
import { z } from "zod";

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and hyphens");

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

export function isReservedSlug(slug: string): boolean {
  return RESERVED.has(slug);
}

/** A slug from a company name; Chinese names have no ASCII letters, so they get a random one. */
export function slugFromName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents split off by NFKD: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30);
  const base = ascii.length >= 3 && !isReservedSlug(ascii) ? ascii : `team-${randomBytes(3).toString("hex")}`;
  return base;
}

export function withRandomSuffix(slug: string): string {
  return `${slug.slice(0, 33)}-${randomBytes(3).toString("hex")}`;
}
