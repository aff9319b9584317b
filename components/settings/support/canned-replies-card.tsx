"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MessageSquareText, Pencil, Plus, Search, SearchX, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useDebouncedValue } from "@/components/knowledge/use-debounced-value";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { CannedReplyDialog } from "./canned-reply-dialog";
import type { TCannedReply } from "./support-types";

/** The tenant's canned replies: search, add, edit, delete. */
export function CannedRepliesCard() {
  const t = useTranslations("supportSettings.canned");
  const tenant = useTenant();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 250);
  const list = useQuery(
    trpc.cannedReplies.list.queryOptions(
      { tenantId: tenant.tenantId, ...(query ? { search: query } : {}) },
      { placeholderData: keepPreviousData },
    ),
  );
  // an empty list (not merely an empty search) replaces the toolbar with an invitation
  const emptyBase = list.isSuccess && !query && !list.isPlaceholderData && list.data.length === 0;
  const addButton = (
    <CannedReplyDialog
      trigger={
        <Button variant={emptyBase ? "default" : "outline"} size={emptyBase ? "default" : "sm"}>
          <Plus aria-hidden />
          {t("add")}
        </Button>
      }
    />
  );

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3 pb-4">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {!emptyBase && addButton}
      </CardHeader>
      {list.isError ? (
        <div className="px-5 pb-5 sm:px-6">
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        </div>
      ) : list.isPending ? (
        <div className="grid gap-3 px-5 pb-5 sm:px-6" aria-busy>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      ) : emptyBase ? (
        <EmptyState
          icon={MessageSquareText}
          title={t("empty")}
          description={t("emptyText")}
          action={addButton}
          className="border-t"
        />
      ) : (
        <>
          <div className="grid gap-2 px-5 pb-4 sm:px-6">
            <div className="relative sm:max-w-sm">
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
            <p className="text-[13px] text-muted-foreground" aria-live="polite">
              {list.isPlaceholderData ? "\u00a0" : t("count", { total: list.data.length })}
            </p>
          </div>
          {list.data.length === 0 ? (
            <EmptyState
              icon={SearchX}
              title={t("emptyFiltered")}
              className="border-t"
              action={
                <Button variant="outline" onClick={() => setSearch("")}>
                  {t("clearSearch")}
                </Button>
              }
            />
          ) : (
            <div className={cn("border-t transition-opacity", list.isPlaceholderData && "opacity-60")}>
              <RepliesTable items={list.data} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}

function RepliesTable({ items }: { items: TCannedReply[] }) {
  const t = useTranslations("supportSettings.canned");
  const format = useFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <div className="hidden md:block">
        <Table className="table-fixed">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead className="w-44 pl-6">{t("columns.shortcut")}</TableHead>
              <TableHead>{t("columns.content")}</TableHead>
              <TableHead className="hidden w-32 lg:table-cell">{t("columns.updated")}</TableHead>
              <TableHead className="w-24">
                <span className="sr-only">{t("columns.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id}>
                <TableCell className="pl-6 align-top">
                  <Shortcut value={item.shortcut} />
                </TableCell>
                <TableCell className="align-top">
                  <ReplyText content={item.content} />
                </TableCell>
                <TableCell className="hidden align-top text-[13px] whitespace-nowrap text-muted-foreground lg:table-cell">
                  {date(item.updatedAt)}
                </TableCell>
                <TableCell className="align-top">
                  <div className="-mt-1.5 flex justify-end">
                    <RowActions item={item} />
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden">
        {items.map((item) => (
          <li key={item.id} className="grid gap-2 px-5 py-4">
            <div className="flex items-center justify-between gap-2">
              <Shortcut value={item.shortcut} />
              <RowActions item={item} />
            </div>
            <ReplyText content={item.content} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Shortcut({ value }: { value: string }) {
  return (
    <code className="inline-block max-w-full truncate rounded-md bg-muted px-1.5 py-0.5 align-top font-mono text-[13px]">
      /{value}
    </code>
  );
}

/** The reply clamped to three lines with its line breaks kept. */
function ReplyText({ content }: { content: string }) {
  return <p className="line-clamp-3 text-sm break-words whitespace-pre-line">{content}</p>;
}

function RowActions({ item }: { item: TCannedReply }) {
  const t = useTranslations("supportSettings.canned");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.cannedReplies.delete.mutationOptions({
      onSuccess: () => {
        toast.success(t("delete.done"));
        return qc.invalidateQueries(trpc.cannedReplies.list.pathFilter());
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const shortcut = item.shortcut;
  return (
    <div className="flex items-center gap-0.5">
      <CannedReplyDialog
        item={item}
        trigger={
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("editFor", { shortcut })}
            className="text-muted-foreground hover:text-foreground"
          >
            <Pencil aria-hidden />
          </Button>
        }
      />
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("delete.trigger", { shortcut })}
            className="text-muted-foreground hover:text-destructive"
          >
            <Trash2 aria-hidden />
          </Button>
        }
        title={t("delete.title")}
        description={t("delete.text", { shortcut })}
        confirmLabel={t("delete.confirm")}
        onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, cannedReplyId: item.id })}
      />
    </div>
  );
}
