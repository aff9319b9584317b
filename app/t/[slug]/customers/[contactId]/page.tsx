import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerDetailPage } from "@/components/customers/customer-detail";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("detailTitle") };
}

export default async function Customer({ params }: { params: Promise<{ slug: string; contactId: string }> }) {
  const { contactId } = await params;
  if (!UUID.test(contactId)) notFound();
  return <CustomerDetailPage key={contactId} contactId={contactId} />;
}
