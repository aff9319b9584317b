import { z } from "zod";
import { ZSlug } from "./slug";

export const LANGUAGES = ["zh-CN", "en"] as const;

export const ZTimezone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone");

export const ZUpdateTenantInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(100).optional(),
  slug: ZSlug.optional(),
  timezone: ZTimezone.optional(),
  language: z.enum(LANGUAGES).optional(),
  notificationEmail: z.union([z.email("Enter a valid email address"), z.literal("")]).optional(),
});

export const ZTenantView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  language: z.string(),
  notificationEmail: z.string().nullable(),
  createdAt: z.date(),
});
