"use client";

import { MonitorSmartphone } from "lucide-react";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSystemDevice } from "./system-types";

/** Each paired device: online state, WeChat state, heartbeat age and agent version (actions: Devices page). */
export function DevicesSection({ devices }: { devices: TSystemDevice[] }) {
  const t = useTranslations("system.devices");
  const d = useTranslations("devices");
  const format = useFormatter();
  const now = useNow({ updateInterval: 10_000 });
  const tenant = useTenant();
  const online = devices.filter((x) => x.online).length;
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          {devices.length > 0 && (
            <CardDescription>{t("summary", { online, total: devices.length })}</CardDescription>
          )}
        </div>
        <Link
          href={`/t/${tenant.slug}/devices`}
          className="rounded-sm text-[13px] font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
        >
          {t("manage")}
        </Link>
      </CardHeader>
      <CardContent>
        {devices.length === 0 ? (
          <EmptyState
            icon={MonitorSmartphone}
            title={t("empty")}
            description={t("emptyText")}
            className="py-6"
          />
        ) : (
          <ul className="grid divide-y" aria-label={t("title")}>
            {devices.map((x) => (
              <li key={x.id} className="grid gap-1 py-3 first:pt-0 last:pb-0">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{x.name}</span>
                  <Badge variant={x.online ? "success" : "destructive"}>
                    {x.online ? t("online") : t("offline")}
                  </Badge>
                  {x.paused && <Badge variant="warning">{t("paused")}</Badge>}
                  <Badge variant={x.wechatState === "READY" ? "secondary" : "warning"}>
                    {t("wechat", {
                      state: d.has(`wechatState.${x.wechatState}`)
                        ? d(`wechatState.${x.wechatState}`)
                        : x.wechatState,
                    })}
                  </Badge>
                </span>
                <span className="flex flex-wrap gap-x-4 gap-y-0.5 text-[13px] text-muted-foreground">
                  <span>
                    {t("heartbeat", {
                      when: x.lastHeartbeatAt
                        ? format.relativeTime(
                            x.lastHeartbeatAt,
                            now > x.lastHeartbeatAt ? now : x.lastHeartbeatAt,
                          )
                        : t("never"),
                    })}
                  </span>
                  <span>{x.agentVersion ? t("version", { version: x.agentVersion }) : t("noVersion")}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
