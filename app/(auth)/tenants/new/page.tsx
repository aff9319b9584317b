import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewTenantForm } from "@/components/tenant/new-tenant-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenantsNew");
  return { title: t("title") };
}

export default function NewTenantPage() {
  return <NewTenantForm />;
}
