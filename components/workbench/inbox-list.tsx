"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Inbox, SearchX } from "lucide-react";
import { useNow, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { QueryError } from "@/components/common/query-error";
import { useDebouncedValue } from "@/components/knowledge/use-debounced-value";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { TInboxFilters } from "./inbox-pane";
import { InboxItemRow } from "./inbox-item";

const PAGE_SIZE = 30;

export function InboxList({
  filters,
  selectedId,
  onClearFilters,
}: {
  filters: TInboxFilters;
  selectedId: string | undefined;
  onClearFilters: () => void;
}) {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  const trpc = useTRPC();
  const now = useNow({ updateInterval: 30_000 });
  const search = useDebouncedValue(filters.search.trim(), 300);
  const list = useInfiniteQuery(
    trpc.workbench.inbox.infiniteQueryOptions(
      {
        tenantId: tenant.tenantId,
        view: filters.view,
        limit: PAGE_SIZE,
        ...(search ? { search } : {}),
        ...(filters.channel === "any" ? {} : { channel: filters.channel }),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(search) || filters.channel !== "any";

  // load the next page when its sentinel scrolls into view ("load more" stays as the keyboard path)
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (list.isError) return <QueryError className="m-3" error={list.error} onRetry={() => list.refetch()} />;
  if (list.isPending)
    return (
      <div className="grid gap-2 p-3" aria-busy="true" aria-label={t("loading")}>
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-[72px]" />
        ))}
      </div>
    );
  if (items.length === 0)
    return filtered ? (
      <EmptyState
        icon={SearchX}
        title={t("emptyFiltered")}
        action={
          <Button variant="outline" size="sm" onClick={onClearFilters}>
            {t("clearFilters")}
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={Inbox}
        title={t(`empty.${filters.view}`)}
        description={t(`emptyText.${filters.view}`)}
      />
    );

  return (
    <div className={cn("min-h-0 flex-1 overflow-y-auto", list.isPlaceholderData && "opacity-60")}>
      <ul aria-label={t(`views.${filters.view}`)} className="divide-y">
        {items.map((item) => (
          <li key={item.id}>
            <InboxItemRow item={item} now={now} selected={item.id === selectedId} view={filters.view} />
          </li>
        ))}
      </ul>
      {hasNextPage && (
        <div ref={sentinel} className="flex justify-center p-3">
          <Button variant="outline" size="sm" loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
            {t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
