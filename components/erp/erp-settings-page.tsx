"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Unplug } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ErpConnectionDialog } from "./erp-connection-dialog";
import { ErpConnectionRow } from "./erp-connection-row";
import { SyncRunsCard } from "./sync-runs-card";

const WATCH_MS = 20_000;

// Settings → ERP: the tenant's ERP connections and their sync runs (admins: integrations.manage).
// The heading and the settings sub-navigation come from the settings layout.
export function ErpSettingsPage() {
  const tenant = useTenant();
  if (!tenant.can("integrations.manage")) return <NoPermission />;
  return <ErpSettings key={tenant.tenantId} />;
}

function ErpSettings() {
  const t = useTranslations("erp");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [watchUntil, setWatchUntil] = useState(0);
  const list = useQuery(trpc.erp.list.queryOptions({ tenantId: tenant.tenantId }));
  const onSynced = () => {
    setWatchUntil(Date.now() + WATCH_MS);
    void qc.invalidateQueries(trpc.erp.runs.infiniteQueryFilter());
    void qc.invalidateQueries(trpc.erp.list.queryFilter());
  };
  const add = (
    <ErpConnectionDialog
      trigger={
        <Button size="sm">
          <Plus aria-hidden />
          {t("add")}
        </Button>
      }
    />
  );
  return (
    <div className="grid gap-6">
      <Card className="overflow-hidden">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3 pb-4">
          <div className="grid gap-1.5">
            <CardTitle>{t("title")}</CardTitle>
            <CardDescription>{t("description")}</CardDescription>
          </div>
          {list.data && list.data.length > 0 && add}
        </CardHeader>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} className="mx-5 mb-5 sm:mx-6" />
        ) : list.isPending ? (
          <div className="grid gap-3 px-5 pb-5 sm:px-6" aria-busy aria-label={t("loading")}>
            <Skeleton className="h-16" />
          </div>
        ) : list.data.length === 0 ? (
          <EmptyState
            icon={Unplug}
            title={t("empty")}
            description={t("emptyText")}
            action={add}
            className="border-t"
          />
        ) : (
          <ul className="divide-y border-t" aria-label={t("title")}>
            {list.data.map((c) => (
              <ErpConnectionRow key={c.id} connection={c} onSynced={onSynced} />
            ))}
          </ul>
        )}
      </Card>
      <SyncRunsCard watchUntil={watchUntil} />
    </div>
  );
}
