"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MonitorSmartphone } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { RenameDeviceDialog } from "./rename-device-dialog";

// The paired agents, refetched every 10 s (online state comes from heartbeats; the workbench will be
// push-based later). Guidance under the WeChat state tells the operator what to do at the PC.

const WECHAT_VARIANT = {
  READY: "success",
  UI_HIDDEN: "warning",
  SCREEN_LOCKED: "warning",
  NOT_RUNNING: "destructive",
  LOGGED_OUT: "destructive",
  ERROR: "destructive",
  UNKNOWN: "secondary",
} as const;

export function DevicesList() {
  const t = useTranslations("devices");
  const format = useFormatter();
  const now = useNow({ updateInterval: 10_000 });
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const devices = useQuery({
    ...trpc.devices.list.queryOptions({ tenantId: tenant.tenantId }),
    refetchInterval: 10_000,
  });
  const settle = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      return qc.invalidateQueries(trpc.devices.list.queryFilter());
    },
    onError: (e: unknown) => toast.error(errorText(e)),
  });
  const setPaused = useMutation(trpc.devices.setPaused.mutationOptions(settle(t("updated"))));
  const reload = useMutation(trpc.devices.reload.mutationOptions(settle(t("reloadSent"))));
  const revoke = useMutation(trpc.devices.revoke.mutationOptions(settle(t("revoked"))));

  if (devices.isError) return <QueryError error={devices.error} onRetry={() => devices.refetch()} />;
  if (devices.isPending)
    return (
      <div className="grid gap-3" aria-busy>
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
    );
  if (devices.data.length === 0)
    return (
      <Card>
        <EmptyState icon={MonitorSmartphone} title={t("empty")} description={t("emptyText")} />
      </Card>
    );

  return (
    <ul className="grid gap-3" aria-label={t("listLabel")}>
      {devices.data.map((d) => {
        const metric = (value: number | null, unit: string) =>
          value === null ? "—" : `${format.number(value, { maximumFractionDigits: 1 })}${unit}`;
        return (
          <li key={d.id}>
            <Card className="grid gap-3 p-4 sm:p-5">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="grid min-w-0 gap-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="truncate font-medium">{d.name}</span>
                    <Badge variant={d.online ? "success" : "secondary"}>
                      <span
                        aria-hidden
                        className={`mr-1 inline-block size-1.5 rounded-full ${d.online ? "bg-success" : "bg-muted-foreground"}`}
                      />
                      {d.online ? t("online") : t("offline")}
                    </Badge>
                    {d.paused && <Badge variant="warning">{t("paused")}</Badge>}
                  </span>
                  <span className="text-[13px] text-muted-foreground">
                    {t("lastHeartbeat", {
                      when: d.lastHeartbeatAt ? format.relativeTime(d.lastHeartbeatAt, now) : t("never"),
                    })}
                  </span>
                </div>
                <div className="flex flex-wrap gap-1">
                  <RenameDeviceDialog deviceId={d.id} name={d.name} />
                  <Button
                    variant="outline"
                    size="sm"
                    loading={setPaused.isPending && setPaused.variables?.deviceId === d.id}
                    onClick={() =>
                      setPaused.mutate({ tenantId: tenant.tenantId, deviceId: d.id, paused: !d.paused })
                    }
                  >
                    {d.paused ? t("resume") : t("pause")}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={!d.online}
                    title={t("reloadHint")}
                    onClick={() => reload.mutate({ tenantId: tenant.tenantId, deviceId: d.id })}
                  >
                    {t("reload")}
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button variant="outline" size="sm" aria-label={t("revokeFor", { name: d.name })}>
                        {t("revoke")}
                      </Button>
                    }
                    title={t("revokeTitle", { name: d.name })}
                    description={t("revokeText")}
                    confirmLabel={t("revoke")}
                    onConfirm={() => revoke.mutateAsync({ tenantId: tenant.tenantId, deviceId: d.id })}
                  />
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-muted-foreground">{t("wechat")}</span>
                <Badge variant={WECHAT_VARIANT[d.wechatState]}>{t(`wechatState.${d.wechatState}`)}</Badge>
                {d.wechatState !== "READY" && (
                  <span className="text-[13px] text-muted-foreground">
                    {t(`wechatGuidance.${d.wechatState}`)}
                  </span>
                )}
              </div>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
                {[
                  [t("version"), d.agentVersion ?? "—"],
                  [t("cpu"), metric(d.cpu, "%")],
                  [t("memory"), metric(d.mem, " MiB")],
                  [t("queue"), format.number(d.queueLength)],
                  [t("processed"), format.number(d.processedCount)],
                ].map(([label, value]) => (
                  <div key={label} className="grid gap-0.5">
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="font-medium tabular-nums">{value}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
