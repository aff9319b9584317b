import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewPage } from "@/components/review/review-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("review") };
}

export default function Review() {
  return <ReviewPage />;
}
