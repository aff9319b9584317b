"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil, PlugZap, RefreshCw, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LiveRegion } from "@/components/ui/live-region";
import { toast } from "@/components/ui/toast";
import { ErpConnectionDialog } from "./erp-connection-dialog";
import { StatusBadge } from "./status-badge";
import type { TErpConnection, TTestResult } from "./types";

/** One connection: what it is, when it last synced, and test / sync now / edit / delete. */
export function ErpConnectionRow({
  connection: c,
  onSynced,
}: {
  connection: TErpConnection;
  onSynced: () => void;
}) {
  const t = useTranslations("erp.row");
  const k = useTranslations("erp.kinds");
  const s = useTranslations("erp.schedules");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [result, setResult] = useState<TTestResult | null>(null);
  const ids = { tenantId: tenant.tenantId, connectionId: c.id };
  const onError = (e: unknown) => toast.error(errorText(e));
  const test = useMutation(trpc.erp.test.mutationOptions({ onSuccess: setResult, onError }));
  const sync = useMutation(
    trpc.erp.syncNow.mutationOptions({
      onSuccess: () => (toast.success(t("syncStarted")), onSynced()),
      onError,
    }),
  );
  const remove = useMutation(
    trpc.erp.delete.mutationOptions({
      onSuccess: () =>
        Promise.all([
          qc.invalidateQueries(trpc.erp.list.queryFilter()),
          qc.invalidateQueries(trpc.erp.runs.infiniteQueryFilter()),
        ]).then(() => toast.success(t("deleted"))),
      onError,
    }),
  );
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <li className={cn("grid gap-3 px-5 py-4 sm:px-6", !c.enabled && "bg-muted/40")}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <div className="grid min-w-0 flex-1 basis-64 gap-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="truncate font-medium">{c.name}</span>
            <Badge variant="outline">{k(`${c.kind}.label`)}</Badge>
            {!c.enabled && <Badge variant="secondary">{t("disabled")}</Badge>}
          </span>
          <span className="truncate font-mono text-xs text-muted-foreground">{c.baseUrl}</span>
          <span className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
            <span>{c.credentialsSet ? t("credentialsSet") : t("noCredentials")}</span>
            <span>{t("schedule", { schedule: s(c.schedule) })}</span>
            <span>{c.lastSyncAt ? t("lastSync", { when: when(c.lastSyncAt) }) : t("neverSynced")}</span>
            {c.lastRun && (
              <span className="flex items-center gap-1">
                {t("lastRun")} <StatusBadge status={c.lastRun.status} />
              </span>
            )}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="outline" size="sm" loading={test.isPending} onClick={() => test.mutate(ids)}>
            <PlugZap aria-hidden />
            {t("test")}
          </Button>
          <Button size="sm" loading={sync.isPending} disabled={!c.enabled} onClick={() => sync.mutate(ids)}>
            <RefreshCw aria-hidden />
            {t("syncNow")}
          </Button>
          <ErpConnectionDialog
            connection={c}
            trigger={
              <Button variant="ghost" size="icon-sm" aria-label={t("edit", { name: c.name })}>
                <Pencil aria-hidden />
              </Button>
            }
          />
          <ConfirmDialog
            trigger={
              <Button variant="ghost" size="icon-sm" aria-label={t("delete", { name: c.name })}>
                <Trash2 aria-hidden />
              </Button>
            }
            title={t("deleteTitle", { name: c.name })}
            description={t("deleteText")}
            confirmLabel={t("deleteConfirm")}
            onConfirm={() => remove.mutateAsync(ids)}
          />
        </div>
      </div>
      <LiveRegion>{result && <TestOutcome result={result} />}</LiveRegion>
    </li>
  );
}

function TestOutcome({ result }: { result: TTestResult }) {
  const t = useTranslations("erp.test");
  if (result.ok)
    return (
      <Alert variant="success" title={t("ok", { ms: result.latencyMs })}>
        <p>{t("sample", { count: result.sample ?? 0 })}</p>
      </Alert>
    );
  return (
    <Alert variant="destructive" title={t(`kinds.${result.error?.kind ?? "http"}`)}>
      <p className="break-words opacity-80">{result.error?.message}</p>
    </Alert>
  );
}
