"use client";

import { useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DeleteTenant } from "./delete-tenant";
import { TransferOwnership } from "./transfer-ownership";

export function DangerZone() {
  const t = useTranslations("settings.danger");
  const tenant = useTenant();
  const canTransfer = tenant.can("tenant.transfer");
  const canDelete = tenant.can("tenant.delete");
  if (!canTransfer && !canDelete) return null;
  return (
    <Card id="danger" className="overflow-hidden border-destructive/40">
      <CardHeader className="pb-4">
        <CardTitle className="text-destructive-soft-foreground">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <div className="divide-y border-t border-destructive/20">
        {canTransfer && <TransferOwnership />}
        {canDelete && <DeleteTenant />}
      </div>
    </Card>
  );
}
