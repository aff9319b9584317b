import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SystemPage } from "@/components/system/system-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("system") };
}

export default function System() {
  return <SystemPage />;
}
