import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SupportSettingsPage } from "@/components/settings/support/support-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsNav");
  return { title: t("support") };
}

export default function SupportSettings() {
  return <SupportSettingsPage />;
}
