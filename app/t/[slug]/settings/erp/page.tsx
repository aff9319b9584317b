import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErpSettingsPage } from "@/components/erp/erp-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("erp");
  return { title: t("title") };
}

export default function ErpSettings() {
  return <ErpSettingsPage />;
}
