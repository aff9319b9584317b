import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("overview") };
}

// The overview reads its range from the URL (useSearchParams), which needs a Suspense boundary.
export default async function TenantOverview() {
  const t = await getTranslations("dashboard");
  return (
    <Suspense fallback={<DashboardSkeleton label={t("loading")} />}>
      <DashboardPage />
    </Suspense>
  );
}
