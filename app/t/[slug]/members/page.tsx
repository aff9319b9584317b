import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersPage } from "@/components/members/members-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("members") };
}

export default function Members() {
  return <MembersPage />;
}
