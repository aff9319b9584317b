"use client";

import { Lock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** A page the role may not open (someone typed the URL): say so plainly instead of failing requests. */
export function NoPermission() {
  const t = useTranslations("noPermission");
  const { slug } = useTenant();
  return (
    <Card>
      <EmptyState
        icon={Lock}
        title={t("title")}
        description={t("text")}
        action={
          <Button asChild variant="outline">
            <Link href={`/t/${slug}`}>{t("back")}</Link>
          </Button>
        }
      />
    </Card>
  );
}
