"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { LEVELS, type TCustomerDetail, type TCustomerLevel } from "./types";

const AUTO = "auto";

function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.customers.get.pathFilter()),
      qc.invalidateQueries(trpc.customers.list.pathFilter()),
    ]);
}

/** Automatic (the score decides) or a manual level that wins over the score. */
export function LevelOverrideSelect({ customer }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const invalidate = useInvalidate();
  const set = useMutation(
    trpc.customers.setLevelOverride.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(
          vars.level ? t("overrideSaved", { level: t(`levels.${vars.level}`) }) : t("overrideCleared"),
        );
        return invalidate();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const value = set.isPending ? (set.variables.level ?? AUTO) : (customer.levelOverride ?? AUTO);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor="customer-level-override">{t("overrideLabel")}</Label>
      <Select
        value={value}
        disabled={set.isPending}
        onValueChange={(v) =>
          set.mutate({
            tenantId: tenant.tenantId,
            contactId: customer.id,
            level: v === AUTO ? null : (v as TCustomerLevel),
          })
        }
      >
        <SelectTrigger id="customer-level-override" className="w-full sm:w-52">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={AUTO} description={t("autoHint", { level: t(`levels.${customer.level}`) })}>
            {t("auto")}
          </SelectItem>
          {LEVELS.map((l) => (
            <SelectItem key={l} value={l}>
              {t(`levels.${l}`)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

export function VipSwitch({ customer }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const invalidate = useInvalidate();
  const set = useMutation(
    trpc.customers.setVip.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(vars.vip ? t("vipOn") : t("vipOff"));
        return invalidate();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const checked = set.isPending ? set.variables.vip : customer.vip;
  return (
    <div className="flex items-center gap-2 sm:h-9 sm:self-end">
      <Switch
        id="customer-vip"
        checked={checked}
        disabled={set.isPending}
        onCheckedChange={(vip) => set.mutate({ tenantId: tenant.tenantId, contactId: customer.id, vip })}
      />
      <Label htmlFor="customer-vip">{t("vipLabel")}</Label>
    </div>
  );
}
