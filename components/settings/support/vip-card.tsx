"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Crown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";

/** Whether a VIP customer's message skips the bot; saved as soon as it is switched. */
export function VipCard({ initial }: { initial: boolean }) {
  const t = useTranslations("supportSettings.vip");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  // the requested state shows at once; the saved one comes back if the request fails
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const update = useMutation(
    trpc.supportSettings.update.mutationOptions({
      onSuccess: (_, vars) => {
        toast.success(vars.vipDirectToHuman ? t("on") : t("off"));
        return qc.invalidateQueries(trpc.supportSettings.get.queryFilter());
      },
      onError: (e) => toast.error(errorText(e)),
      onSettled: () => setOptimistic(null),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="flex items-start gap-3">
          <div className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-warning-soft text-warning-soft-foreground">
            <Crown className="size-4" aria-hidden />
          </div>
          <div className="grid flex-1 gap-1">
            <Label htmlFor="support-vip-direct">{t("label")}</Label>
            <p id="support-vip-direct-hint" className="text-[13px] text-muted-foreground">
              {t("hint")}
            </p>
          </div>
          <Switch
            id="support-vip-direct"
            aria-describedby="support-vip-direct-hint"
            className="mt-0.5"
            checked={optimistic ?? initial}
            disabled={update.isPending}
            onCheckedChange={(on) => {
              setOptimistic(on);
              update.mutate({ tenantId: tenant.tenantId, vipDirectToHuman: on });
            }}
          />
        </div>
      </CardContent>
    </Card>
  );
}
