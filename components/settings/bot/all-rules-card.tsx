"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import type { TRuleList } from "./rule-utils";

/** Every stored rule row with its state and what the resolver said about it. */
export function AllRulesCard({ list }: { list: TRuleList }) {
  const t = useTranslations("botSettings.all");
  const types = useTranslations("botSettings.types");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const onSuccess = () => qc.invalidateQueries(trpc.rules.list.queryFilter());
  const onError = (e: unknown) => toast.error(errorText(e));
  const setEnabled = useMutation(trpc.rules.setEnabled.mutationOptions({ onSuccess, onError }));
  const remove = useMutation(trpc.rules.delete.mutationOptions({ onSuccess, onError }));
  if (!list.rules.length) return null;
  const issueOf = (id: string) => list.issues.find((i) => i.ruleId === id);
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <ul className="divide-y border-t">
        {list.rules.map((r) => {
          const issue = issueOf(r.id);
          return (
            <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-6">
              <div className="grid min-w-0 flex-1 gap-0.5">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{r.name}</span>
                  <Badge variant="outline">{types(r.type)}</Badge>
                  {issue && <Badge variant="warning">{t(`issues.${issue.reason}`)}</Badge>}
                </span>
                {issue && <span className="text-xs text-muted-foreground">{issue.message}</span>}
              </div>
              <Switch
                checked={r.enabled}
                aria-label={t("enabledFor", { name: r.name })}
                onCheckedChange={(enabled) =>
                  setEnabled.mutate({ tenantId: tenant.tenantId, ruleId: r.id, enabled })
                }
              />
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="icon-sm" aria-label={t("delete", { name: r.name })}>
                    <Trash2 aria-hidden />
                  </Button>
                }
                title={t("deleteTitle", { name: r.name })}
                description={t("deleteText")}
                confirmLabel={t("deleteConfirm")}
                onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, ruleId: r.id })}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
