import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomersPage } from "@/components/customers/customers-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("customers") };
}

export default function Customers() {
  return <CustomersPage />;
}
