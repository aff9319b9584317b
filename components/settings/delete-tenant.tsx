"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/** Deleting is irreversible, so the owner types the tenant's address to confirm. */
export function DeleteTenant() {
  const t = useTranslations("settings.danger");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [typed, setTyped] = useState("");
  const del = useMutation(trpc.tenant.delete.mutationOptions());

  async function confirm() {
    try {
      await del.mutateAsync({ tenantId: tenant.tenantId, confirmSlug: typed.trim() });
    } catch (e) {
      toast.error(errorText(e, { BAD_REQUEST: t("deleteMismatch") }));
      throw e;
    }
    toast.success(t("deleted", { tenant: tenant.name }));
    await qc.invalidateQueries(trpc.account.me.queryFilter());
    // a full load of "/": it redirects to another tenant, or to "create a tenant" when this was the last
    window.location.assign("/");
  }

  return (
    <div className="flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:px-6">
      <div className="grid flex-1 gap-1">
        <p className="font-medium">{t("deleteTitle")}</p>
        <p className="text-[13px] text-muted-foreground">{t("deleteText")}</p>
      </div>
      <ConfirmDialog
        trigger={<Button variant="destructive">{t("delete")}</Button>}
        title={t("deleteConfirmTitle", { tenant: tenant.name })}
        description={t("deleteConfirmText")}
        confirmLabel={t("deleteForever")}
        confirmDisabled={typed.trim() !== tenant.slug}
        onConfirm={confirm}
      >
        <Field
          id="confirm-slug"
          label={t.rich("typeSlug", { slug: () => <code className="font-mono">{tenant.slug}</code> })}
        >
          <Input
            {...fieldProps("confirm-slug")}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            className="font-mono text-[13px]"
          />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
