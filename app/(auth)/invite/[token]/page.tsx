import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InviteView } from "@/components/invite/invite-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("metaTitle") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InviteView token={token} />;
}
