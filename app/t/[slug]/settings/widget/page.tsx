import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WidgetSettingsPage } from "@/components/settings/widget/widget-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsNav");
  return { title: t("widget") };
}

export default function WidgetSettings() {
  return <WidgetSettingsPage />;
}
