import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AiSettingsPage } from "@/components/settings/ai/ai-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsNav");
  return { title: t("ai") };
}

export default function AiSettings() {
  return <AiSettingsPage />;
}
