"use client";

import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

/** The general settings page's pointer to Settings → ERP (admins only). */
export function ErpSettingsCard() {
  const t = useTranslations("erp.card");
  const tenant = useTenant();
  if (!tenant.can("integrations.manage")) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardFooter>
        <Link href={`/t/${tenant.slug}/settings/erp`} className={buttonVariants({ variant: "outline" })}>
          {t("open")}
          <ArrowRight aria-hidden />
        </Link>
      </CardFooter>
    </Card>
  );
}
