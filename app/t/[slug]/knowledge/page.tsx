import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KnowledgePage } from "@/components/knowledge/knowledge-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("knowledge") };
}

export default function Knowledge() {
  return <KnowledgePage />;
}
