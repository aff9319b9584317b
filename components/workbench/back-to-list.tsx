"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";

/** Phones show the list and the conversation as separate screens; this leads back to the list. */
export function BackToList() {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  return (
    <Button asChild variant="ghost" size="icon-sm" className="shrink-0 lg:hidden">
      <Link href={`/t/${tenant.slug}/inbox`} aria-label={t("backToList")}>
        <ArrowLeft aria-hidden />
      </Link>
    </Button>
  );
}
