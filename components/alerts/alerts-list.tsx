"use client";

import { useQuery } from "@tanstack/react-query";
import { BellRing, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useAlertText } from "./alert-text";

/** Open alerts first, then the ones resolved in the last 7 days; refreshed with the system page. */
export function AlertsList() {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const text = useAlertText();
  const alerts = useQuery({
    ...trpc.alerts.list.queryOptions({ tenantId: tenant.tenantId }),
    refetchInterval: 20_000,
  });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const open = alerts.data?.open ?? [];
  return (
    <Card aria-labelledby="system-alerts-title">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle id="system-alerts-title" className="flex items-center gap-2">
          {t("title")}
          {open.length > 0 && <Badge variant="destructive">{t("openCount", { count: open.length })}</Badge>}
        </CardTitle>
        {tenant.can("tenant.update") && (
          <Link
            href={`/t/${tenant.slug}/settings/alerts`}
            className="rounded-sm text-[13px] font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            {t("settingsLink")}
          </Link>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
        {alerts.isError && !alerts.data ? (
          <QueryError error={alerts.error} onRetry={() => alerts.refetch()} />
        ) : alerts.isPending ? (
          <Skeleton className="h-16" />
        ) : (
          <>
            {open.length === 0 ? (
              <EmptyState
                icon={CheckCircle2}
                title={t("empty")}
                description={t("emptyText")}
                className="py-6"
              />
            ) : (
              <ul className="grid gap-2" aria-label={t("open")}>
                {open.map((e) => {
                  const { title, detail } = text(e);
                  return (
                    <li
                      key={e.id}
                      className="flex gap-3 rounded-lg border border-destructive/30 bg-destructive-soft px-3.5 py-3 text-destructive-soft-foreground"
                    >
                      <BellRing className="mt-0.5 size-4 shrink-0" aria-hidden />
                      <div className="grid min-w-0 gap-0.5">
                        <p className="font-medium">{title}</p>
                        <p className="text-[13px] break-words">{detail}</p>
                        <p className="text-xs opacity-80">{t("since", { time: when(e.createdAt) })}</p>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            {alerts.data.resolved.length > 0 && (
              <section className="grid gap-2" aria-labelledby="system-alerts-resolved">
                <h3 id="system-alerts-resolved" className="text-[13px] font-medium text-muted-foreground">
                  {t("resolved")}
                </h3>
                <ul className="grid divide-y rounded-lg border">
                  {alerts.data.resolved.map((e) => {
                    const { title, detail } = text(e);
                    return (
                      <li key={e.id} className="grid gap-0.5 px-3.5 py-2.5 text-[13px]">
                        <span className="font-medium">{title}</span>
                        <span className="break-words text-muted-foreground">{detail}</span>
                        <span className="text-xs text-muted-foreground">
                          {t("since", { time: when(e.createdAt) })} ·{" "}
                          {e.resolvedAt && t("resolvedAt", { time: when(e.resolvedAt) })}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
