"use server";

import { cookies } from "next/headers";
import { currentUserId } from "@/server/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locales";
import { setUserLocale } from "@/server/services/accounts/set-user-locale";

/**
 * Stores the UI language in the cookie server/i18n/request.ts reads (and on the account when signed
 * in); the caller refreshes the route.
 */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const userId = await currentUserId();
  if (userId) await setUserLocale(userId, locale);
}
