import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KnowledgeSettingsPage } from "@/components/knowledge/settings/knowledge-settings-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.settings");
  return { title: t("title") };
}

export default function KnowledgeSettings() {
  return <KnowledgeSettingsPage />;
}
