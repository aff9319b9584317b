"use client";

import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { RoleBadge } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card, CardContent } from "@/components/ui/card";
import { GettingStarted } from "./getting-started";
import { TenantFacts } from "./tenant-facts";

export function OverviewPage() {
  const t = useTranslations("overview");
  const tenant = useTenant();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const name = me.data?.user.name;
  const canSetUp = ["members.manage", "tenant.update", "apikeys.manage"].some(tenant.can);

  return (
    <>
      <PageHeader
        title={name ? t("welcomeNamed", { name }) : t("welcome")}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium text-foreground">{tenant.name}</span>
            <span aria-hidden>·</span>
            <RoleBadge role={tenant.role} />
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          {canSetUp ? (
            <GettingStarted />
          ) : (
            <Card>
              <CardContent className="flex gap-3">
                <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                <div className="grid gap-1">
                  <p className="font-medium">{t("memberTitle", { tenant: tenant.name })}</p>
                  <p className="text-[13px] text-muted-foreground">{t("memberText")}</p>
                </div>
              </CardContent>
            </Card>
          )}
        </div>
        <TenantFacts />
      </div>
    </>
  );
}
