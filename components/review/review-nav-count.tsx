"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";

/** The number of pending review items, next to the nav entry (nothing when there are none). */
export function ReviewNavCount() {
  const t = useTranslations("review");
  const tenant = useTenant();
  const trpc = useTRPC();
  const counts = useQuery(
    trpc.review.counts.queryOptions(
      { tenantId: tenant.tenantId },
      { staleTime: 30_000, refetchInterval: 60_000 },
    ),
  );
  const n = counts.data?.PENDING ?? 0;
  if (!n) return null;
  return (
    <span className="ml-auto min-w-5 rounded-full bg-primary-soft px-1.5 text-center text-xs text-primary-soft-foreground tabular-nums">
      {n > 99 ? "99+" : n}
      <span className="sr-only"> {t("status.PENDING")}</span>
    </span>
  );
}
