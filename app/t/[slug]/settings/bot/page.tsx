import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BotSettingsPage } from "@/components/settings/bot/bot-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsNav");
  return { title: t("bot") };
}

export default function BotSettings() {
  return <BotSettingsPage />;
}
