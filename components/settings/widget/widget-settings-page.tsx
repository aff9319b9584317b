"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Skeleton } from "@/components/ui/skeleton";
import { WidgetSettingsForm } from "./widget-settings-form";

/** Settings → Web widget: appearance, texts, allowed sites, a live preview and the embed code. */
export function WidgetSettingsPage() {
  const tenant = useTenant();
  if (!tenant.can("tenant.update")) return <NoPermission />;
  return <WidgetSettings />;
}

function WidgetSettings() {
  const t = useTranslations("widgetSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const view = useQuery(trpc.widgetSettings.get.queryOptions({ tenantId: tenant.tenantId }));
  if (view.isError) return <QueryError error={view.error} onRetry={() => view.refetch()} />;
  if (view.isPending)
    return (
      <div
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,400px)]"
        aria-busy
        aria-label={t("loading")}
      >
        <div className="grid gap-6">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-48 rounded-xl" />
          ))}
        </div>
        <Skeleton className="h-[520px] rounded-xl" />
      </div>
    );
  // keyed by load time: a save (which refetches) resets the form to what the server stored
  return <WidgetSettingsForm key={view.dataUpdatedAt} view={view.data} />;
}
