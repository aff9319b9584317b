import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HitTestPage } from "@/components/knowledge/hit-test-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.hit");
  return { title: t("title") };
}

export default function HitTest() {
  return <HitTestPage />;
}
