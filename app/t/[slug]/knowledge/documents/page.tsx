import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DocumentsPage } from "@/components/knowledge/documents/documents-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.docs");
  return { title: t("title") };
}

export default function Documents() {
  return <DocumentsPage />;
}
