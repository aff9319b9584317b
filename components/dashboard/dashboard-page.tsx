"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BarChart3, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { GettingStarted } from "@/components/overview/getting-started";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { RoleBadge } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DashboardCharts } from "./dashboard-charts";
import { DashboardSkeleton } from "./dashboard-skeleton";
import { DashboardToolbar } from "./dashboard-toolbar";
import { KpiCards } from "./kpi-cards";
import { LiveCards } from "./live-cards";
import { resolveRange, todayIn } from "./range";
import { hasActivity } from "./series";
import { useDashboardFormat } from "./use-dashboard-format";
import { useHiddenFlag } from "./use-hidden-flag";
import { useRangeParams } from "./use-range-params";

// The tenant's home: who you are and where, then the overview for the range and channel in the URL.
// Days are the tenant's days (its time zone comes from tenant.get), so "today" here and on the server
// agree. A new workspace sees its getting-started steps; once there is activity they can be hidden.

const LIVE_REFRESH_MS = 60_000;

export function DashboardPage() {
  const t = useTranslations("dashboard");
  const tw = useTranslations("overview");
  const tenant = useTenant();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const info = useQuery(trpc.tenant.get.queryOptions({ tenantId: tenant.tenantId }));
  const name = me.data?.user.name;

  return (
    <>
      <PageHeader
        title={name ? tw("welcomeNamed", { name }) : tw("welcome")}
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium text-foreground">{tenant.name}</span>
            <span aria-hidden>·</span>
            <RoleBadge role={tenant.role} />
          </span>
        }
      />
      {info.isError ? (
        <QueryError error={info.error} onRetry={() => info.refetch()} />
      ) : info.isPending ? (
        <DashboardSkeleton label={t("loading")} />
      ) : (
        <Overview timeZone={info.data.timezone} />
      )}
    </>
  );
}

function Overview({ timeZone }: { timeZone: string }) {
  const t = useTranslations("dashboard");
  const tenant = useTenant();
  const trpc = useTRPC();
  const fmt = useDashboardFormat(timeZone);
  const [view, setView] = useRangeParams();
  const today = todayIn(timeZone);
  const range = resolveRange(view, today);
  const overview = useQuery({
    ...trpc.dashboard.overview.queryOptions({ tenantId: tenant.tenantId, ...range, channel: view.channel }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
  });
  const [setupHidden, setSetupHidden] = useHiddenFlag(`kefu.dashboard.setupHidden.${tenant.tenantId}`);
  const canSetUp = ["members.manage", "tenant.update", "apikeys.manage"].some(tenant.can);
  const data = overview.data;
  const empty = data ? !hasActivity(data) : false;
  const showSetup = canSetUp && (!setupHidden || empty);

  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <DashboardToolbar
        key={view.kind === "custom" ? "custom" : "preset"}
        view={view}
        resolved={range}
        today={today}
        onChange={setView}
      />
      {showSetup && (
        <div id="getting-started" className="grid min-w-0 scroll-mt-20 grid-cols-1 gap-2">
          <GettingStarted />
          {data && !empty && (
            <Button
              variant="ghost"
              size="sm"
              className="justify-self-end"
              onClick={() => setSetupHidden(true)}
            >
              <EyeOff aria-hidden />
              {t("hideSetup")}
            </Button>
          )}
        </div>
      )}
      {overview.isError && !data ? (
        <div data-testid="overview-error">
          <QueryError error={overview.error} onRetry={() => overview.refetch()} />
        </div>
      ) : !data ? (
        <DashboardSkeleton label={t("loading")} />
      ) : (
        <div
          className="grid min-w-0 grid-cols-1 gap-6 transition-opacity aria-busy:opacity-60"
          aria-busy={overview.isPlaceholderData}
          data-testid="overview"
        >
          {overview.isError && <QueryError error={overview.error} onRetry={() => overview.refetch()} />}
          <LiveCards live={data.live} fmt={fmt} />
          {empty ? (
            <Card>
              <EmptyState
                icon={BarChart3}
                title={t("empty.title")}
                description={t("empty.text")}
                action={
                  canSetUp ? (
                    <Button asChild variant="outline" size="sm">
                      <a href="#getting-started">{t("empty.action")}</a>
                    </Button>
                  ) : undefined
                }
              />
            </Card>
          ) : (
            <>
              <KpiCards data={data} fmt={fmt} />
              <DashboardCharts data={data} fmt={fmt} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
