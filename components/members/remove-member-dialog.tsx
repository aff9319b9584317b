"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";

export function RemoveMemberDialog({
  name,
  tenantName,
  onConfirm,
}: {
  name: string;
  tenantName: string;
  onConfirm: () => Promise<unknown>;
}) {
  const t = useTranslations("members.remove");
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t("trigger", { name })}
          className="text-muted-foreground hover:text-destructive"
        >
          <Trash2 aria-hidden />
        </Button>
      }
      title={t("title", { name })}
      description={t("text", { name, tenant: tenantName })}
      confirmLabel={t("confirm")}
      onConfirm={onConfirm}
    />
  );
}
