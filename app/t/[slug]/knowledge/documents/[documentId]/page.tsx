import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocumentChunksPage } from "@/components/knowledge/documents/document-chunks-page";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.docs.chunks");
  return { title: t("pageTitle") };
}

export default async function DocumentChunks({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  if (!UUID.test(documentId)) notFound();
  return <DocumentChunksPage documentId={documentId} />;
}
