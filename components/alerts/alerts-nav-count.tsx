"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";

/**
 * The number of open alerts next to the System nav entry (nothing when there are none). One indexed
 * count, cached for 30 s and refreshed every minute — as often as the checks run.
 */
export function AlertsNavCount() {
  const t = useTranslations("alerts");
  const tenant = useTenant();
  const trpc = useTRPC();
  const count = useQuery(
    trpc.alerts.openCount.queryOptions(
      { tenantId: tenant.tenantId },
      { staleTime: 30_000, refetchInterval: 60_000, enabled: tenant.can("system.read") },
    ),
  );
  const n = count.data?.open ?? 0;
  if (!n) return null;
  return (
    <span
      className="ml-auto min-w-5 rounded-full bg-destructive px-1.5 text-center text-xs text-destructive-foreground tabular-nums"
      data-testid="alerts-nav-count"
    >
      {n > 99 ? "99+" : n}
      <span className="sr-only"> {t("openCount", { count: n })}</span>
    </span>
  );
}
