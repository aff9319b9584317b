import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertRulesPage } from "@/components/alerts/alert-rules-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settingsNav");
  return { title: t("alerts") };
}

export default function AlertSettings() {
  return <AlertRulesPage />;
}
