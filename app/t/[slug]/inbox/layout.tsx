import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WorkbenchLayout } from "@/components/workbench/workbench-layout";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("inbox") };
}

// The list and the live connection live in the layout, so opening another conversation keeps them.
export default function InboxLayout({ children }: { children: React.ReactNode }) {
  return <WorkbenchLayout>{children}</WorkbenchLayout>;
}
