"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Search, SearchX, UsersRound } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { LoadMore } from "@/components/common/load-more";
import { QueryError } from "@/components/common/query-error";
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
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { displayName, LevelBadge, StateBadge, VipBadge } from "./customer-parts";
import { LEVELS, STATES, type TCustomerSummary } from "./types";

const PAGE_SIZE = 30;
const ALL = "all";
type TSort = "lastSeenAt" | "score";

export function CustomersPage() {
  const tenant = useTenant();
  if (!tenant.can("customers.read")) return <NoPermission />;
  return <Customers key={tenant.tenantId} />;
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} className="w-full sm:w-36">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {options.map((o) => (
            <SelectItem key={o.value} value={o.value}>
              {o.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

function Customers() {
  const t = useTranslations("customers");
  const tenant = useTenant();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [level, setLevel] = useState<string>(ALL);
  const [state, setState] = useState<string>(ALL);
  const [vip, setVip] = useState<string>(ALL);
  const [sort, setSort] = useState<TSort>("lastSeenAt");
  const query = useDebouncedValue(search.trim(), 300);
  const qc = useQueryClient();
  const input = {
    tenantId: tenant.tenantId,
    limit: PAGE_SIZE,
    sort,
    order: "desc" as const,
    ...(query ? { search: query } : {}),
    ...(level !== ALL ? { level: level as (typeof LEVELS)[number] } : {}),
    ...(state !== ALL ? { state: state as (typeof STATES)[number] } : {}),
    ...(vip !== ALL ? { vip: vip === "yes" } : {}),
  };
  // Each page is a plain query (cursor in the input), cached under the list's key plus "pages".
  const list = useInfiniteQuery({
    queryKey: [...trpc.customers.list.queryKey(input), "pages"],
    queryFn: ({ pageParam }) =>
      qc.fetchQuery({
        ...trpc.customers.list.queryOptions(pageParam ? { ...input, cursor: pageParam } : input),
        staleTime: 0,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(query) || level !== ALL || state !== ALL || vip !== ALL;
  const emptyBase = list.isSuccess && !filtered && items.length === 0 && !list.isPlaceholderData;
  const clear = () => {
    setSearch("");
    setLevel(ALL);
    setState(ALL);
    setVip(ALL);
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <ListSkeleton />
      ) : emptyBase ? (
        <Card>
          <EmptyState icon={UsersRound} title={t("empty")} description={t("emptyText")} />
        </Card>
      ) : (
        <div className="grid gap-4">
          <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
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
                maxLength={100}
              />
            </div>
            <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap">
              <FilterSelect
                id="customers-level"
                label={t("filters.level")}
                value={level}
                onChange={setLevel}
                options={[
                  { value: ALL, label: t("filters.all") },
                  ...LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) })),
                ]}
              />
              <FilterSelect
                id="customers-state"
                label={t("filters.state")}
                value={state}
                onChange={setState}
                options={[
                  { value: ALL, label: t("filters.all") },
                  ...STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
                ]}
              />
              <FilterSelect
                id="customers-vip"
                label={t("filters.vip")}
                value={vip}
                onChange={setVip}
                options={[
                  { value: ALL, label: t("filters.all") },
                  { value: "yes", label: t("filters.vipOnly") },
                  { value: "no", label: t("filters.notVip") },
                ]}
              />
              <FilterSelect
                id="customers-sort"
                label={t("filters.sort")}
                value={sort}
                onChange={(v) => setSort(v as TSort)}
                options={[
                  { value: "lastSeenAt", label: t("filters.sortLastSeen") },
                  { value: "score", label: t("filters.sortScore") },
                ]}
              />
            </div>
          </div>
          {items.length === 0 ? (
            <Card>
              <EmptyState
                icon={SearchX}
                title={t("emptyFiltered")}
                description={t("emptyFilteredText")}
                action={
                  <Button variant="outline" onClick={clear}>
                    {t("clearFilters")}
                  </Button>
                }
              />
            </Card>
          ) : (
            <Card
              className={cn("overflow-hidden transition-opacity", list.isPlaceholderData && "opacity-60")}
              aria-busy={list.isPlaceholderData}
            >
              <CustomerTable items={items} />
            </Card>
          )}
          <LoadMore pages={list} label={t("loadMore")} />
        </div>
      )}
    </>
  );
}

function useLastSeen() {
  const t = useTranslations("customers");
  const format = useFormatter();
  return (d: Date | null) => (d ? format.relativeTime(d, new Date()) : t("never"));
}

function CustomerTable({ items }: { items: TCustomerSummary[] }) {
  const t = useTranslations("customers");
  const tenant = useTenant();
  const lastSeen = useLastSeen();
  const href = (c: TCustomerSummary) => `/t/${tenant.slug}/customers/${c.id}`;
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.name")}</TableHead>
              <TableHead>{t("columns.level")}</TableHead>
              <TableHead>{t("columns.state")}</TableHead>
              <TableHead className="text-right">{t("columns.score")}</TableHead>
              <TableHead className="hidden lg:table-cell">{t("columns.activity")}</TableHead>
              <TableHead>{t("columns.lastSeen")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <div className="grid min-w-0 gap-0.5">
                    <span className="flex items-center gap-2">
                      <Link
                        href={href(c)}
                        className="truncate font-medium hover:underline focus-visible:underline"
                      >
                        {displayName(c)}
                      </Link>
                      {c.vip && <VipBadge />}
                    </span>
                    <span className="truncate text-xs text-muted-foreground">
                      {t(`channels.${channelKey(c.channel)}`)}
                      {c.phone ? ` · ${c.phone}` : ""}
                    </span>
                  </div>
                </TableCell>
                <TableCell>
                  <LevelBadge level={c.effectiveLevel} override={c.levelOverride !== null} />
                </TableCell>
                <TableCell>
                  <StateBadge state={c.state} />
                </TableCell>
                <TableCell className="text-right font-medium tabular-nums">{c.score}</TableCell>
                <TableCell className="hidden text-[13px] text-muted-foreground lg:table-cell">
                  {t("activity", { messages: c.messageCount, conversations: c.conversationCount })}
                </TableCell>
                <TableCell className="text-[13px] whitespace-nowrap text-muted-foreground">
                  {lastSeen(c.lastSeenAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden" aria-label={t("title")}>
        {items.map((c) => (
          <li key={c.id}>
            <Link
              href={href(c)}
              className="grid gap-2 px-4 py-3 outline-none hover:bg-muted/40 focus-visible:bg-muted/60"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="truncate font-medium">{displayName(c)}</span>
                <span className="shrink-0 text-sm font-semibold tabular-nums">
                  <span className="sr-only">{t("columns.score")} </span>
                  {c.score}
                </span>
              </span>
              <span className="flex flex-wrap items-center gap-1.5">
                <LevelBadge level={c.effectiveLevel} override={c.levelOverride !== null} />
                <StateBadge state={c.state} />
                {c.vip && <VipBadge />}
              </span>
              <span className="text-xs text-muted-foreground">
                {t(`channels.${channelKey(c.channel)}`)} ·{" "}
                {t("activity", { messages: c.messageCount, conversations: c.conversationCount })} ·{" "}
                {lastSeen(c.lastSeenAt)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

const CHANNELS = ["API", "WIDGET", "WECHAT", "WECOM"] as const;
export function channelKey(channel: string): string {
  return (CHANNELS as readonly string[]).includes(channel) ? channel : "OTHER";
}

function ListSkeleton() {
  return (
    <div className="grid gap-4" aria-hidden>
      <Skeleton className="h-9 w-full" />
      <Card className="grid gap-3 p-4">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </Card>
    </div>
  );
}
