import { db } from "../../db/client";
import type { TLocale } from "../../i18n/locales";

/** Remembers a signed-in user's UI language (for mail sent to them, and their next device). */
export async function setUserLocale(userId: string, locale: TLocale): Promise<void> {
  const client = await db();
  await client.user.updateMany({ where: { id: userId }, data: { locale } });
}
