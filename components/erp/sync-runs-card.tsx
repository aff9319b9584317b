"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { LoadMore } from "@/components/common/load-more";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { StatusBadge } from "./status-badge";
import type { TSyncRun } from "./types";

const PAGE_SIZE = 20;
const POLL_MS = 2000;
/** counters in reading order (the JSON column comes back in the database's key order) */
const COUNT_ORDER = [
  "created",
  "updated",
  "upserted",
  "linked",
  "unlinked",
  "candidates",
  "pushed",
  "skipped",
  "failed",
  "pages",
];
const rank = (key: string) => (COUNT_ORDER.includes(key) ? COUNT_ORDER.indexOf(key) : COUNT_ORDER.length);

/**
 * The sync runs of every connection, newest first. Polls while a run is RUNNING or shortly after
 * "sync now" (`watchUntil`), because the job creates its runs a moment after the click.
 */
export function SyncRunsCard({ watchUntil }: { watchUntil: number }) {
  const t = useTranslations("erp.runs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const runs = useInfiniteQuery(
    trpc.erp.runs.infiniteQueryOptions(
      { tenantId: tenant.tenantId, limit: PAGE_SIZE },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        refetchInterval: (q) => {
          const items = q.state.data?.pages.flatMap((p) => p.items) ?? [];
          return items.some((r) => r.status === "RUNNING") || Date.now() < watchUntil ? POLL_MS : false;
        },
      },
    ),
  );
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  // a run that starts or finishes changes the connections' "last sync" / "last run" too
  const qc = useQueryClient();
  const signature = items.map((r) => `${r.id}:${r.status}`).join();
  useEffect(() => {
    if (signature) void qc.invalidateQueries(trpc.erp.list.queryFilter());
  }, [signature, qc, trpc]);
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {runs.isError ? (
        <QueryError error={runs.error} onRetry={() => runs.refetch()} className="mx-5 mb-5 sm:mx-6" />
      ) : runs.isPending ? (
        <div className="grid gap-3 px-5 pb-5 sm:px-6" aria-busy aria-label={t("loading")}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-8" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <EmptyState icon={History} title={t("empty")} description={t("emptyText")} className="border-t" />
      ) : (
        <>
          <RunsTable items={items} />
          <RunsList items={items} />
          <LoadMore
            className="border-t p-4"
            pages={runs}
            label={t("loadMore")}
            end={t("end", { count: items.length })}
          />
        </>
      )}
    </Card>
  );
}

function useRunText() {
  const t = useTranslations("erp.runs");
  const format = useFormatter();
  return {
    entity: (r: TSyncRun) =>
      ["customers", "orders", "products", "push"].includes(r.entity) ? t(`entities.${r.entity}`) : r.entity,
    trigger: (r: TSyncRun) => t(`triggers.${r.trigger}`),
    counts: (r: TSyncRun) =>
      Object.entries(r.counts)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([key, n]) => `${t.has(`counts.${key}`) ? t(`counts.${key}`) : key} ${format.number(n)}`)
        .join(" · ") || "—",
    duration: (r: TSyncRun) =>
      r.durationMs === null
        ? "—"
        : r.durationMs < 1000
          ? t("ms", { ms: r.durationMs })
          : t("seconds", { s: format.number(r.durationMs / 1000, { maximumFractionDigits: 1 }) }),
    started: (r: TSyncRun) => format.dateTime(r.startedAt, { dateStyle: "short", timeStyle: "medium" }),
  };
}

function Errors({ run }: { run: TSyncRun }) {
  const t = useTranslations("erp.runs");
  if (!run.errors.length) return <span className="text-muted-foreground">—</span>;
  return (
    <details className="max-w-xs">
      <summary className="cursor-pointer rounded-sm text-destructive-soft-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring">
        {t("errorCount", { count: run.errors.length })}
      </summary>
      <ul className="mt-1 grid gap-1 text-xs break-words">
        {run.errors.map((e, i) => (
          <li key={i}>
            {e.page !== undefined && (
              <span className="text-muted-foreground">{t("page", { page: e.page })} </span>
            )}
            {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

function RunsTable({ items }: { items: TSyncRun[] }) {
  const t = useTranslations("erp.runs");
  const text = useRunText();
  return (
    <div className="hidden border-t md:block">
      <Table aria-label={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("cols.started")}</TableHead>
            <TableHead>{t("cols.entity")}</TableHead>
            <TableHead>{t("cols.trigger")}</TableHead>
            <TableHead>{t("cols.status")}</TableHead>
            <TableHead>{t("cols.counts")}</TableHead>
            <TableHead>{t("cols.duration")}</TableHead>
            <TableHead>{t("cols.errors")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => (
            <TableRow key={r.id} data-entity={r.entity}>
              <TableCell className="whitespace-nowrap">
                <span className="grid">
                  <time dateTime={r.startedAt.toISOString()}>{text.started(r)}</time>
                  <span className="text-xs text-muted-foreground">{r.connectionName}</span>
                </span>
              </TableCell>
              <TableCell>{text.entity(r)}</TableCell>
              <TableCell>{text.trigger(r)}</TableCell>
              <TableCell>
                <StatusBadge status={r.status} />
              </TableCell>
              <TableCell className="text-[13px] tabular-nums">{text.counts(r)}</TableCell>
              <TableCell className="tabular-nums">{text.duration(r)}</TableCell>
              <TableCell>
                <Errors run={r} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Phones: one small card per run instead of a seven-column table. */
function RunsList({ items }: { items: TSyncRun[] }) {
  const t = useTranslations("erp.runs");
  const text = useRunText();
  return (
    <ul className="divide-y border-t md:hidden" aria-label={t("title")}>
      {items.map((r) => (
        <li key={r.id} className="grid gap-1.5 px-5 py-3 text-sm">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {text.entity(r)} · {text.trigger(r)}
            </span>
            <StatusBadge status={r.status} />
          </span>
          <span className="text-[13px] tabular-nums">{text.counts(r)}</span>
          <span className="text-xs text-muted-foreground">
            <time dateTime={r.startedAt.toISOString()}>{text.started(r)}</time> · {text.duration(r)} ·{" "}
            {r.connectionName}
          </span>
          <Errors run={r} />
        </li>
      ))}
    </ul>
  );
}
