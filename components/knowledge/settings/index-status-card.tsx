"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Clock, RefreshCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useReindexWatch, WATCH_MS } from "./reindex-watch";
import type { TIndexStatus } from "./settings-types";

const POLL_MS = 3000;

/** The re-index job: state, progress, the last run and the "Re-index now" button. */
export function IndexStatusCard() {
  const t = useTranslations("knowledge.settings.index");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const { since, watch } = useReindexWatch();
  const status = useQuery({
    ...trpc.knowledge.indexStatus.queryOptions({ tenantId: tenant.tenantId }),
    // poll while a run is going, and after a change until its run shows up
    refetchInterval: (q) => {
      const d = q.state.data;
      if (d?.running) return POLL_MS;
      const waiting =
        since !== null &&
        Date.now() - since < WATCH_MS &&
        !(d?.lastRun && d.lastRun.startedAt.getTime() >= since - 1000);
      return waiting ? POLL_MS : false;
    },
  });
  const { refetch } = status;
  // a change just asked for a re-index: look at once rather than at the next interval
  useEffect(() => {
    if (since !== null) void refetch();
  }, [since, refetch]);
  const reindex = useMutation(
    trpc.knowledge.reindex.mutationOptions({
      onSuccess: () => {
        watch();
        toast.success(t("started"));
        return qc.invalidateQueries(trpc.knowledge.indexStatus.queryFilter());
      },
      onError: (err) => toast.error(errorText(err, { CONFLICT: t("alreadyRunning") })),
    }),
  );

  return (
    <Card aria-labelledby="index-status-title">
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="grid gap-1">
          <CardTitle id="index-status-title">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {tenant.can("kb.write") && (
          <Button
            variant="outline"
            className="mt-3 w-full sm:mt-0 sm:w-auto"
            loading={reindex.isPending}
            disabled={!status.data || status.data.running}
            onClick={() => reindex.mutate({ tenantId: tenant.tenantId })}
          >
            {!reindex.isPending && <RefreshCw aria-hidden />}
            {t("reindexNow")}
          </Button>
        )}
      </CardHeader>
      <CardContent>
        {status.isError ? (
          <QueryError error={status.error} onRetry={() => status.refetch()} />
        ) : status.isPending ? (
          <div className="grid gap-3" aria-busy aria-label={t("loading")}>
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-2 w-full" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : (
          <StatusBody data={status.data} />
        )}
      </CardContent>
    </Card>
  );
}

function StatusBody({ data }: { data: TIndexStatus }) {
  const t = useTranslations("knowledge.settings.index");
  const format = useFormatter();
  const n = (x: number) => format.number(x);
  const { running, lastRun, chunks, chunksOnCurrentModel, reindexed, currentModel } = data;
  const behind = chunks - chunksOnCurrentModel;
  const failed = !running && lastRun?.status === "FAILED";
  const progress =
    running && reindexed !== null
      ? { done: reindexed, label: t("progressRun", { done: n(reindexed), total: n(chunks) }) }
      : behind > 0
        ? {
            done: chunksOnCurrentModel,
            label: t("progressModel", { done: n(chunksOnCurrentModel), total: n(chunks) }),
          }
        : null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2" aria-live="polite">
        {running ? (
          <Badge variant="default">
            <RefreshCw className="animate-spin motion-reduce:animate-none" aria-hidden />
            {t("state.running")}
          </Badge>
        ) : failed ? (
          <Badge variant="destructive">
            <AlertTriangle aria-hidden />
            {t("state.failed")}
          </Badge>
        ) : behind > 0 ? (
          <Badge variant="warning">
            <Clock aria-hidden />
            {t("state.behind")}
          </Badge>
        ) : (
          <Badge variant="success">
            <CheckCircle2 aria-hidden />
            {t("state.ready")}
          </Badge>
        )}
        <span className="text-[13px] text-muted-foreground">{t("chunks", { count: chunks })}</span>
      </div>

      {progress && chunks > 0 && (
        <div className="grid gap-1.5">
          <div
            role="progressbar"
            aria-label={progress.label}
            aria-valuemin={0}
            aria-valuemax={chunks}
            aria-valuenow={progress.done}
            className="h-2 w-full overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-[width] motion-reduce:transition-none"
              style={{ width: `${Math.round((progress.done / chunks) * 100)}%` }}
            />
          </div>
          <p className="text-[13px] tabular-nums">{progress.label}</p>
        </div>
      )}

      <dl className="grid gap-x-6 gap-y-2 text-[13px] sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">{t("model")}</dt>
        <dd className="font-mono text-xs break-all sm:text-[13px]">{currentModel}</dd>
        <dt className="text-muted-foreground">{t("lastRun")}</dt>
        <dd>
          {lastRun ? (
            <>
              {t(`runStatus.${runStatusKey(lastRun.status)}`)}
              {" · "}
              {t("startedAt", { when: when(lastRun.startedAt) })}
              {lastRun.finishedAt &&
                ` · ${t("took", { seconds: n(Math.max(0, Math.round((lastRun.finishedAt.getTime() - lastRun.startedAt.getTime()) / 1000))) })}`}
            </>
          ) : (
            <span className="text-muted-foreground">{t("never")}</span>
          )}
        </dd>
      </dl>
      {failed && lastRun?.error && (
        <p className="rounded-lg bg-destructive-soft px-3 py-2 text-[13px] break-words text-destructive-soft-foreground">
          {t("error", { error: lastRun.error })}
        </p>
      )}
    </div>
  );
}

function runStatusKey(status: string): "RUNNING" | "SUCCEEDED" | "FAILED" | "other" {
  return status === "RUNNING" || status === "SUCCEEDED" || status === "FAILED" ? status : "other";
}
