"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";

/**
 * Customers waiting for a person, next to the Inbox nav entry (nothing when nobody waits). Same query
 * as the inbox tabs, so on the inbox page live events keep it current; elsewhere it polls.
 */
export function InboxNavCount() {
  const t = useTranslations("workbench.views");
  const tenant = useTenant();
  const trpc = useTRPC();
  const counts = useQuery(
    trpc.workbench.counts.queryOptions(
      { tenantId: tenant.tenantId },
      { staleTime: 15_000, refetchInterval: 30_000, enabled: tenant.can("workbench.use") },
    ),
  );
  const n = counts.data?.waiting ?? 0;
  if (!n) return null;
  return (
    <span className="ml-auto min-w-5 rounded-full bg-destructive px-1.5 text-center text-xs font-semibold text-destructive-foreground tabular-nums">
      {n > 99 ? "99+" : n}
      <span className="sr-only"> {t("waiting")}</span>
    </span>
  );
}
