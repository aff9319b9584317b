"use client";

import { useQuery } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { AlertsList } from "@/components/alerts/alerts-list";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { DevicesSection } from "./devices-section";
import { ErrorRatesSection } from "./error-rates-section";
import { JobsSection } from "./jobs-section";
import { ProvidersSection } from "./providers-section";

// The system page: one overview query refetched every 20 s (the numbers are cheap aggregates), the
// alerts list on the same interval, and the time of the last successful load.
export const SYSTEM_REFRESH_MS = 20_000;

export function SystemPage() {
  const tenant = useTenant();
  if (!tenant.can("system.read")) return <NoPermission />;
  return <SystemOverview />;
}

function SystemOverview() {
  const t = useTranslations("system");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.system.overview.queryOptions({ tenantId: tenant.tenantId }),
    refetchInterval: SYSTEM_REFRESH_MS,
  });
  const updated = overview.dataUpdatedAt ? new Date(overview.dataUpdatedAt) : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex items-center gap-3">
            {updated && (
              <p className="text-[13px] text-muted-foreground" aria-live="polite" title={t("autoRefresh")}>
                {t("updated", { time: format.dateTime(updated, { timeStyle: "medium" }) })}
              </p>
            )}
            {/* a spinning icon rather than a busy button: the auto-refresh would make it flicker */}
            <Button variant="outline" size="sm" onClick={() => overview.refetch()}>
              <RotateCw aria-hidden className={overview.isFetching ? "animate-spin" : undefined} />
              {t("refresh")}
            </Button>
          </div>
        }
      />
      <div className="grid gap-6">
        <AlertsList />
        {overview.isError && !overview.data ? (
          <QueryError error={overview.error} onRetry={() => overview.refetch()} />
        ) : overview.isPending ? (
          <div className="grid gap-6" aria-busy aria-label={t("loading")}>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-40 rounded-xl" />
            ))}
          </div>
        ) : (
          <>
            <ErrorRatesSection rates={overview.data.errorRates} />
            <DevicesSection devices={overview.data.devices} />
            <ProvidersSection providers={overview.data.providers} />
            <JobsSection jobs={overview.data.jobs} />
          </>
        )}
      </div>
    </>
  );
}
