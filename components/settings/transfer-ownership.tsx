"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";

/** The owner hands the tenant to another member and becomes an admin. */
export function TransferOwnership() {
  const t = useTranslations("settings.danger");
  const tenant = useTenant();
  const router = useRouter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const members = useQuery(trpc.members.list.queryOptions({ tenantId: tenant.tenantId }));
  const [to, setTo] = useState("");
  const transfer = useMutation(trpc.tenant.transferOwnership.mutationOptions());
  const candidates = (members.data ?? []).filter((m) => m.role !== "OWNER");
  const target = candidates.find((m) => m.id === to);

  async function confirm() {
    try {
      await transfer.mutateAsync({ tenantId: tenant.tenantId, membershipId: to });
    } catch (e) {
      toast.error(errorText(e));
      throw e;
    }
    toast.success(t("transferred", { name: target?.name ?? "" }));
    await qc.invalidateQueries(trpc.members.list.queryFilter());
    await qc.invalidateQueries(trpc.account.me.queryFilter());
    router.refresh(); // the layout re-reads the role: this page now shows what an admin sees
  }

  return (
    <div className="flex flex-col gap-4 p-5 sm:flex-row sm:items-end sm:px-6">
      <div className="grid flex-1 gap-1">
        <p className="font-medium">{t("transferTitle")}</p>
        <p className="text-[13px] text-muted-foreground">{t("transferText")}</p>
      </div>
      <div className="grid gap-1.5 sm:w-56">
        <Label htmlFor="transfer-to">{t("newOwner")}</Label>
        <Select value={to} onValueChange={setTo} disabled={candidates.length === 0}>
          <SelectTrigger id="transfer-to">
            <SelectValue placeholder={candidates.length ? t("pickMember") : t("noMembers")} />
          </SelectTrigger>
          <SelectContent>
            {candidates.map((m) => (
              <SelectItem key={m.id} value={m.id} description={m.email}>
                {m.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <ConfirmDialog
        trigger={
          <Button variant="outline" disabled={!target} className="text-destructive-soft-foreground">
            {t("transfer")}
          </Button>
        }
        title={t("transferConfirmTitle", { name: target?.name ?? "" })}
        description={t("transferConfirmText", { name: target?.name ?? "", tenant: tenant.name })}
        confirmLabel={t("transfer")}
        onConfirm={confirm}
      />
    </div>
  );
}
