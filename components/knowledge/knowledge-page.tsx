"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { BookOpen, Plus, Search, SearchX, Upload } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { LoadMore } from "@/components/common/load-more";
import { QueryError } from "@/components/common/query-error";
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
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ImportDialog } from "./import-dialog";
import { QaFormDialog } from "./qa-form-dialog";
import { QaEnabledSwitch, QaRowActions, QaTags, QaText, SourceBadge } from "./qa-parts";
import type { TQaItem } from "./types";
import { useDebouncedValue } from "./use-debounced-value";
import { KnowledgeTabs } from "./knowledge-tabs";

const PAGE_SIZE = 20;
type TFilter = "all" | "enabled" | "disabled";

export function KnowledgePage() {
  const tenant = useTenant();
  if (!tenant.can("kb.read")) return <NoPermission />;
  return <KnowledgeBase key={tenant.tenantId} />;
}

function CreateButton({ variant }: { variant?: "default" | "outline" }) {
  const t = useTranslations("knowledge");
  return (
    <QaFormDialog
      trigger={
        <Button variant={variant}>
          <Plus aria-hidden />
          {t("create")}
        </Button>
      }
    />
  );
}

function ImportButton() {
  const t = useTranslations("knowledge.import");
  return (
    <ImportDialog
      trigger={
        <Button variant="outline">
          <Upload aria-hidden />
          {t("trigger")}
        </Button>
      }
    />
  );
}

function KnowledgeBase() {
  const t = useTranslations("knowledge");
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = tenant.can("kb.write");
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<TFilter>("all");
  const query = useDebouncedValue(search.trim(), 300);
  const list = useInfiniteQuery(
    trpc.knowledge.qa.list.infiniteQueryOptions(
      {
        tenantId: tenant.tenantId,
        limit: PAGE_SIZE,
        ...(query ? { search: query } : {}),
        ...(filter === "all" ? {} : { enabled: filter === "enabled" }),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(query) || filter !== "all";
  // an empty knowledge base (not merely an empty search) replaces the toolbar with an invitation
  const emptyBase = list.isSuccess && !filtered && total === 0 && !list.isPlaceholderData;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {canWrite && <ImportButton />}
            {canWrite && <CreateButton />}
          </>
        }
      />
      <KnowledgeTabs />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton />
      ) : emptyBase ? (
        <Card>
          <EmptyState
            icon={BookOpen}
            title={t("empty")}
            description={canWrite ? t("emptyText") : t("emptyReadOnly")}
            action={
              canWrite && (
                <div className="flex flex-wrap justify-center gap-2">
                  <CreateButton />
                  <ImportButton />
                </div>
              )
            }
          />
        </Card>
      ) : (
        <div className="grid gap-4">
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
                onChange={(e) => setSearch(e.target.value)}
                className="pl-9"
                maxLength={200}
              />
            </div>
            <div className="flex items-center gap-2">
              <Label htmlFor="qa-filter" className="shrink-0 text-muted-foreground">
                {t("filterLabel")}
              </Label>
              <Select value={filter} onValueChange={(v) => setFilter(v as TFilter)}>
                <SelectTrigger id="qa-filter" className="w-full sm:w-32">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {(["all", "enabled", "disabled"] as const).map((f) => (
                    <SelectItem key={f} value={f}>
                      {t(`filter.${f}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          </div>
          <p className="-mt-1 text-[13px] text-muted-foreground" aria-live="polite">
            {list.isPlaceholderData ? "\u00a0" : t("count", { total })}
          </p>
          {items.length === 0 ? (
            <Card>
              <EmptyState
                icon={SearchX}
                title={t("emptyFiltered")}
                description={t("emptyFilteredText")}
                action={
                  <Button
                    variant="outline"
                    onClick={() => {
                      setSearch("");
                      setFilter("all");
                    }}
                  >
                    {t("clearFilters")}
                  </Button>
                }
              />
            </Card>
          ) : (
            <Card
              className={cn("overflow-hidden transition-opacity", list.isPlaceholderData && "opacity-60")}
            >
              <QaTable items={items} canWrite={canWrite} />
            </Card>
          )}
          {items.length > 0 && (
            <LoadMore
              pages={list}
              label={t("loadMore")}
              shown={t("showing", { shown: items.length, total })}
            />
          )}
        </div>
      )}
    </>
  );
}

function QaTable({ items, canWrite }: { items: TQaItem[]; canWrite: boolean }) {
  const t = useTranslations("knowledge");
  const format = useFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <div className="hidden md:block">
        <Table className="table-fixed">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.qa")}</TableHead>
              <TableHead className="w-36">{t("columns.tags")}</TableHead>
              <TableHead className="hidden w-28 lg:table-cell">{t("columns.updated")}</TableHead>
              <TableHead className="w-16">{t("columns.enabled")}</TableHead>
              {canWrite && (
                <TableHead className="w-24">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id} className={cn(!item.enabled && "bg-muted/30")}>
                <TableCell className={cn("align-top", !item.enabled && "opacity-60")}>
                  <QaText item={item} />
                </TableCell>
                <TableCell className="align-top">
                  <div className="grid justify-items-start gap-1">
                    <QaTags topic={item.topic} category={item.category} />
                    <SourceBadge source={item.source} />
                  </div>
                </TableCell>
                <TableCell className="hidden align-top text-[13px] whitespace-nowrap text-muted-foreground lg:table-cell">
                  {date(item.updatedAt)}
                </TableCell>
                <TableCell className="align-top">
                  <QaEnabledSwitch item={item} disabled={!canWrite} />
                </TableCell>
                {canWrite && (
                  <TableCell className="align-top">
                    <div className="-mt-1.5 flex justify-end">
                      <QaRowActions item={item} />
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden">
        {items.map((item) => (
          <li key={item.id} className={cn("grid gap-3 p-4", !item.enabled && "bg-muted/30")}>
            <div className={cn(!item.enabled && "opacity-60")}>
              <QaText item={item} />
            </div>
            <div className="flex flex-wrap items-center gap-1">
              <QaTags topic={item.topic} category={item.category} />
              <SourceBadge source={item.source} />
            </div>
            <div className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                <QaEnabledSwitch item={item} disabled={!canWrite} />
                <span aria-hidden>{item.enabled ? t("filter.enabled") : t("disabledBadge")}</span>
              </span>
              {canWrite && <QaRowActions item={item} />}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function ListSkeleton() {
  return (
    <Card className="grid gap-5 p-5" aria-busy>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="grid gap-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-full" />
          <Skeleton className="h-3 w-5/6" />
        </div>
      ))}
    </Card>
  );
}
