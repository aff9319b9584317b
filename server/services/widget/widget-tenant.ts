import { z } from "zod";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import { verifyVisitorToken } from "./visitor-token";
import { parseWidgetSettings, type TWidgetSettings } from "./widget-settings";

// The tenant a widget call is for (by its public slug) and the visitor making it. An unknown slug and
// a tenant that switched its widget off look the same from outside: 404.

export type TWidgetTenant = {
  id: string;
  slug: string;
  name: string;
  language: "zh-CN" | "en";
  settings: TWidgetSettings;
};

export const ZSlug = z
  .string()
  .trim()
  .min(1, "tenant is required")
  .max(100)
  .regex(/^[a-z0-9-]+$/i, "tenant is not a valid slug");

export const ZVisitorId = z.string().uuid("visitor id must be a uuid");

export async function findWidgetTenant(slug: string): Promise<TWidgetTenant | null> {
  const parsed = ZSlug.safeParse(slug);
  if (!parsed.success) return null;
  const client = await db();
  const tenant = await client.tenant.findUnique({
    where: { slug: parsed.data.toLowerCase() },
    select: { id: true, slug: true, name: true, language: true, settings: true },
  });
  if (!tenant) return null;
  const settings = parseWidgetSettings(tenant.settings);
  if (!settings.enabled) return null;
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    language: tenant.language === "en" ? "en" : "zh-CN",
    settings,
  };
}

export async function requireWidgetTenant(slug: string | null | undefined): Promise<TWidgetTenant> {
  const tenant = slug ? await findWidgetTenant(slug) : null;
  if (!tenant) throw new AppError("NOT_FOUND", "No chat widget is enabled for this tenant");
  return tenant;
}

/** The visitor a (visitorId, token) pair proves, or UNAUTHORIZED. */
export function requireVisitor(
  tenant: TWidgetTenant,
  visitorId: string | null,
  token: string | null,
): string {
  const id = ZVisitorId.safeParse(visitorId ?? "");
  if (!id.success || !token || !verifyVisitorToken(tenant.id, id.data, token))
    throw new AppError("UNAUTHORIZED", "Unknown visitor or invalid token; start a new session");
  return id.data;
}
