"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { Check, ClipboardCheck, Search, SearchX, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LoadMore } from "@/components/common/load-more";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useDebouncedValue } from "@/components/knowledge/use-debounced-value";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { bulkMessage, RejectDialog } from "./review-dialogs";
import { ReviewItem } from "./review-item";
import { REVIEW_STATUSES, type TReviewStatus } from "./types";
import { useRefreshReview } from "./use-refresh-review";

const PAGE_SIZE = 20;
type TAnswered = "all" | "HUMAN" | "BOT";

export function ReviewPage() {
  const tenant = useTenant();
  if (!tenant.can("review.use")) return <NoPermission />;
  return <ReviewQueue key={tenant.tenantId} />;
}

function ReviewQueue() {
  const t = useTranslations("review");
  const tenant = useTenant();
  const trpc = useTRPC();
  const refresh = useRefreshReview();
  const errorText = useErrorText();
  const [status, setStatus] = useState<TReviewStatus>("PENDING");
  const [answeredBy, setAnsweredBy] = useState<TAnswered>("all");
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const query = useDebouncedValue(search.trim(), 300);
  const counts = useQuery(trpc.review.counts.queryOptions({ tenantId: tenant.tenantId }));
  const list = useInfiniteQuery(
    trpc.review.list.infiniteQueryOptions(
      {
        tenantId: tenant.tenantId,
        status,
        limit: PAGE_SIZE,
        ...(query ? { search: query } : {}),
        ...(answeredBy === "all" ? {} : { answeredBy }),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const bulkApprove = useMutation(
    trpc.review.bulk.mutationOptions({
      onSuccess: (res) => {
        toast.success(bulkMessage(t, res));
        setSelected(new Set());
        return refresh();
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(query) || answeredBy !== "all";
  // only pending items that are still on screen can be selected
  const pendingIds = items.filter((i) => i.status === "PENDING").map((i) => i.id);
  const chosen = pendingIds.filter((id) => selected.has(id));
  const allChosen = pendingIds.length > 0 && chosen.length === pendingIds.length;

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function changeStatus(s: TReviewStatus) {
    setStatus(s);
    setSelected(new Set());
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <div
          role="tablist"
          aria-label={t("statusLabel")}
          className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 [scrollbar-width:thin]"
        >
          {REVIEW_STATUSES.map((s) => {
            const active = s === status;
            const n = counts.data?.[s];
            return (
              <button
                key={s}
                type="button"
                role="tab"
                id={`review-tab-${s}`}
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                onClick={() => changeStatus(s)}
                onKeyDown={(e) => {
                  // arrow keys move between the tabs (the tab pattern's roving focus)
                  const i = REVIEW_STATUSES.indexOf(s);
                  const to =
                    e.key === "ArrowRight"
                      ? (i + 1) % REVIEW_STATUSES.length
                      : e.key === "ArrowLeft"
                        ? (i - 1 + REVIEW_STATUSES.length) % REVIEW_STATUSES.length
                        : e.key === "Home"
                          ? 0
                          : e.key === "End"
                            ? REVIEW_STATUSES.length - 1
                            : -1;
                  if (to < 0) return;
                  e.preventDefault();
                  changeStatus(REVIEW_STATUSES[to]);
                  document.getElementById(`review-tab-${REVIEW_STATUSES[to]}`)?.focus();
                }}
                className={cn(
                  "inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  active
                    ? "bg-primary text-primary-foreground"
                    : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                {t(`status.${s}`)}
                {n !== undefined && (
                  <span
                    className={cn(
                      "min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums",
                      active ? "bg-primary-foreground/20" : "bg-muted",
                    )}
                  >
                    {n}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <div className="relative flex-1">
            <Search
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden
            />
            <Input
              type="search"
              aria-label={t("searchLabel")}
              placeholder={t("searchPlaceholder")}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setSelected(new Set());
              }}
              className="pl-9"
              maxLength={200}
            />
          </div>
          <div className="flex items-center gap-2">
            <Label htmlFor="review-answered-by" className="shrink-0 text-muted-foreground">
              {t("answeredByLabel")}
            </Label>
            <Select
              value={answeredBy}
              onValueChange={(v) => {
                setAnsweredBy(v as TAnswered);
                setSelected(new Set());
              }}
            >
              <SelectTrigger id="review-answered-by" className="w-full sm:w-36">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {(["all", "HUMAN", "BOT"] as const).map((f) => (
                  <SelectItem key={f} value={f}>
                    {t(`answeredByFilter.${f}`)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <ListSkeleton />
        ) : (
          <>
            <div className="-mt-1 flex min-h-8 flex-wrap items-center gap-x-4 gap-y-2">
              {pendingIds.length > 0 && (
                <label className="flex items-center gap-2 text-[13px]">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    checked={allChosen}
                    ref={(el) => {
                      if (el) el.indeterminate = chosen.length > 0 && !allChosen;
                    }}
                    onChange={(e) => setSelected(e.target.checked ? new Set(pendingIds) : new Set())}
                  />
                  {t("selectAll")}
                </label>
              )}
              <p className="text-[13px] text-muted-foreground" aria-live="polite">
                {list.isPlaceholderData ? "\u00a0" : t("count", { total })}
              </p>
            </div>
            {items.length === 0 ? (
              <Card>
                {filtered ? (
                  <EmptyState
                    icon={SearchX}
                    title={t("emptyFiltered")}
                    description={t("emptyFilteredText")}
                    action={
                      <Button
                        variant="outline"
                        onClick={() => {
                          setSearch("");
                          setAnsweredBy("all");
                        }}
                      >
                        {t("clearFilters")}
                      </Button>
                    }
                  />
                ) : (
                  <EmptyState
                    icon={ClipboardCheck}
                    title={t(status === "PENDING" ? "empty.PENDING" : "empty.other")}
                    description={t(status === "PENDING" ? "emptyText.PENDING" : "emptyText.other")}
                  />
                )}
              </Card>
            ) : (
              <Card
                className={cn("overflow-hidden transition-opacity", list.isPlaceholderData && "opacity-60")}
              >
                <ul className="divide-y">
                  {items.map((item) => (
                    <ReviewItem
                      key={item.id}
                      item={item}
                      selected={selected.has(item.id)}
                      onSelectedChange={(on) => toggle(item.id, on)}
                    />
                  ))}
                </ul>
              </Card>
            )}
            {items.length > 0 && (
              <LoadMore
                pages={list}
                label={t("loadMore")}
                shown={t("showing", { shown: items.length, total })}
              />
            )}
          </>
        )}
      </div>
      {chosen.length > 0 && (
        <div
          role="region"
          aria-label={t("selected", { count: chosen.length })}
          className="sticky bottom-3 z-10 mt-4 flex flex-wrap items-center gap-2 rounded-lg border bg-background p-3 shadow-lg"
        >
          <span className="mr-auto text-sm font-medium" aria-live="polite">
            {t("selected", { count: chosen.length })}
          </span>
          <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>
            {t("clearSelection")}
          </Button>
          <RejectDialog
            ids={chosen}
            onDone={() => setSelected(new Set())}
            trigger={
              <Button variant="outline" size="sm">
                <X aria-hidden />
                {t("bulkReject")}
              </Button>
            }
          />
          <Button
            size="sm"
            loading={bulkApprove.isPending}
            onClick={() => bulkApprove.mutate({ tenantId: tenant.tenantId, ids: chosen, action: "approve" })}
          >
            <Check aria-hidden />
            {t("bulkApprove")}
          </Button>
        </div>
      )}
    </>
  );
}

function ListSkeleton() {
  return (
    <Card className="grid gap-6 p-5" aria-busy>
      {[0, 1, 2].map((i) => (
        <div key={i} className="grid gap-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-full" />
          <Skeleton className="h-3 w-5/6" />
          <Skeleton className="mt-1 h-3 w-1/3" />
        </div>
      ))}
    </Card>
  );
}
