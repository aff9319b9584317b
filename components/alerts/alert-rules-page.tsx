"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { AlertRuleRow } from "./alert-rule-row";

// Settings → Alerts: one row per kind (watch on/off, threshold), and who the e-mails go to. The
// heading and the sub-navigation come from the settings layout.
export function AlertRulesPage() {
  const tenant = useTenant();
  if (!tenant.can("tenant.update")) return <NoPermission />;
  return <AlertRules />;
}

function AlertRules() {
  const t = useTranslations("alerts.rules");
  const tenant = useTenant();
  const trpc = useTRPC();
  const rules = useQuery(trpc.alerts.rules.queryOptions({ tenantId: tenant.tenantId }));
  const settings = useQuery(trpc.supportSettings.get.queryOptions({ tenantId: tenant.tenantId }));
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => rules.refetch()} />;
  if (rules.isPending)
    return (
      <div className="grid gap-3" aria-busy aria-label={t("loading")}>
        <Skeleton className="h-24 rounded-xl" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
    );
  const email = settings.data?.notificationEmail;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
        {settings.data && (
          <Alert className="mt-2">{email ? t("recipientsTo", { email }) : t("recipientsAdmins")}</Alert>
        )}
      </CardHeader>
      <ul className="mt-4 grid divide-y border-t">
        {rules.data.map((rule) => (
          // keyed by the stored value: a save resets that row only
          <AlertRuleRow key={`${rule.kind}:${rule.threshold}:${rule.enabled}`} rule={rule} />
        ))}
      </ul>
    </Card>
  );
}
