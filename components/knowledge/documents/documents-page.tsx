"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { FileText, Search, SearchX } from "lucide-react";
import Link from "next/link";
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
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { KnowledgeTabs } from "../knowledge-tabs";
import { useDebouncedValue } from "../use-debounced-value";
import { formatBytes, formatLabel, isBusy, type TDocument } from "./doc-types";
import { DeleteDocumentButton, DocumentEnabledSwitch, DocumentStatus, ReindexButton } from "./document-parts";
import { UploadButton, UploadInput, UploadProblems, UploadZone, useDocumentUpload } from "./document-upload";

const PAGE_SIZE = 20;
const POLL_MS = 2000;

export function DocumentsPage() {
  const tenant = useTenant();
  if (!tenant.can("kb.read")) return <NoPermission />;
  return <Documents key={tenant.tenantId} />;
}

function Documents() {
  const t = useTranslations("knowledge.docs");
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = tenant.can("kb.write");
  const upload = useDocumentUpload();
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 300);
  const list = useInfiniteQuery({
    ...trpc.knowledge.documents.list.infiniteQueryOptions(
      { tenantId: tenant.tenantId, limit: PAGE_SIZE, ...(query ? { search: query } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
    // poll only while the ingest job still works on something shown
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((d) => isBusy(d.status))) ? POLL_MS : false,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const emptyBase = list.isSuccess && !query && total === 0 && !list.isPlaceholderData;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canWrite && <UploadButton upload={upload} />}
      />
      <KnowledgeTabs />
      {canWrite && <UploadInput upload={upload} />}
      <div className="grid gap-4">
        {canWrite && <UploadProblems upload={upload} />}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <ListSkeleton />
        ) : emptyBase ? (
          <Card>
            <EmptyState
              icon={FileText}
              title={t("empty")}
              description={canWrite ? t("emptyText") : t("emptyReadOnly")}
              action={canWrite && <UploadButton upload={upload} />}
            />
            {canWrite && (
              <div className="hidden px-5 pb-5 sm:block">
                <UploadZone upload={upload} />
              </div>
            )}
          </Card>
        ) : (
          <>
            {canWrite && <UploadZone upload={upload} />}
            <div className="relative">
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
                    <Button variant="outline" onClick={() => setSearch("")}>
                      {t("clearSearch")}
                    </Button>
                  }
                />
              </Card>
            ) : (
              <Card
                className={cn("overflow-hidden transition-opacity", list.isPlaceholderData && "opacity-60")}
              >
                <DocumentTable items={items} canWrite={canWrite} />
              </Card>
            )}
            <LoadMore
              pages={list}
              label={t("loadMore")}
              shown={t("showing", { shown: items.length, total })}
            />
          </>
        )}
      </div>
    </>
  );
}

function DocTitle({ doc }: { doc: TDocument }) {
  const tenant = useTenant();
  return (
    <div className="grid min-w-0 gap-0.5">
      <Link
        href={`/t/${tenant.slug}/knowledge/documents/${doc.id}`}
        className="rounded-sm font-medium break-words outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
      >
        {doc.title}
      </Link>
      {doc.fileName && doc.fileName !== doc.title && (
        <span className="truncate text-[13px] text-muted-foreground" title={doc.fileName}>
          {doc.fileName}
        </span>
      )}
    </div>
  );
}

function DocumentTable({ items, canWrite }: { items: TDocument[]; canWrite: boolean }) {
  const t = useTranslations("knowledge.docs");
  const format = useFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <div className="hidden md:block">
        <Table className="table-fixed">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.title")}</TableHead>
              <TableHead className="w-24">{t("columns.type")}</TableHead>
              <TableHead className="w-20 text-right">{t("columns.size")}</TableHead>
              <TableHead className="w-44">{t("columns.status")}</TableHead>
              <TableHead className="w-20 text-right">{t("columns.chunks")}</TableHead>
              <TableHead className="hidden w-28 lg:table-cell">{t("columns.uploaded")}</TableHead>
              <TableHead className="w-16">{t("columns.enabled")}</TableHead>
              {canWrite && (
                <TableHead className="w-24">
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((doc) => (
              <TableRow key={doc.id} className={cn(!doc.enabled && "bg-muted/30")}>
                <TableCell className={cn("align-top", !doc.enabled && "opacity-60")}>
                  <DocTitle doc={doc} />
                </TableCell>
                <TableCell className="align-top text-[13px]">{formatLabel(doc.fileName)}</TableCell>
                <TableCell className="text-right align-top text-[13px] tabular-nums">
                  {formatBytes(doc.sizeBytes)}
                </TableCell>
                <TableCell className="align-top">
                  <DocumentStatus doc={doc} />
                </TableCell>
                <TableCell className="text-right align-top tabular-nums">{doc.chunkCount}</TableCell>
                <TableCell className="hidden align-top text-[13px] whitespace-nowrap text-muted-foreground lg:table-cell">
                  {date(doc.createdAt)}
                </TableCell>
                <TableCell className="align-top">
                  <DocumentEnabledSwitch doc={doc} disabled={!canWrite} />
                </TableCell>
                {canWrite && (
                  <TableCell className="align-top">
                    <div className="-mt-1.5 flex justify-end gap-0.5">
                      <ReindexButton doc={doc} />
                      <DeleteDocumentButton doc={doc} />
                    </div>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden">
        {items.map((doc) => (
          <li key={doc.id} className={cn("grid gap-3 p-4", !doc.enabled && "bg-muted/30")}>
            <div className={cn(!doc.enabled && "opacity-60")}>
              <DocTitle doc={doc} />
              <p className="mt-1 text-[13px] text-muted-foreground">
                {formatLabel(doc.fileName)} · {formatBytes(doc.sizeBytes)} ·{" "}
                {t("chunkCount", { count: doc.chunkCount })}
              </p>
            </div>
            <DocumentStatus doc={doc} />
            <div className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-2 text-xs text-muted-foreground">
                <DocumentEnabledSwitch doc={doc} disabled={!canWrite} />
                <span aria-hidden>{doc.enabled ? t("enabled") : t("disabled")}</span>
              </span>
              {canWrite && (
                <div className="flex gap-0.5">
                  <ReindexButton doc={doc} />
                  <DeleteDocumentButton doc={doc} />
                </div>
              )}
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
      {[0, 1, 2].map((i) => (
        <div key={i} className="grid gap-2">
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-3 w-1/3" />
        </div>
      ))}
    </Card>
  );
}
