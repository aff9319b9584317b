"use client";

import { Bot } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSystemProvider } from "./system-types";

/** Each AI provider: latency p50/p95 and error rate over 24 h, failures in a row and any cooldown. */
export function ProvidersSection({ providers }: { providers: TSystemProvider[] }) {
  const t = useTranslations("system.providers");
  const format = useFormatter();
  const ms = (v: number | null) => (v === null ? "—" : t("ms", { value: format.number(v) }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {providers.length === 0 ? (
          <EmptyState icon={Bot} title={t("empty")} description={t("emptyText")} className="py-6" />
        ) : (
          <ul className="grid divide-y" aria-label={t("title")}>
            {providers.map((p) => (
              <li key={p.id} className="grid gap-2 py-3 first:pt-0 last:pb-0">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{p.name}</span>
                  <span className="text-[13px] text-muted-foreground">
                    {p.model} · {t.has(`purpose.${p.purpose}`) ? t(`purpose.${p.purpose}`) : p.purpose}
                  </span>
                  {!p.enabled ? (
                    <Badge variant="secondary">{t("disabled")}</Badge>
                  ) : p.cooldownUntil ? (
                    <Badge variant="warning">
                      {t("coolingDown", { time: format.dateTime(p.cooldownUntil, { timeStyle: "short" }) })}
                    </Badge>
                  ) : (
                    <Badge variant="success">{t("healthy")}</Badge>
                  )}
                </span>
                <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-5">
                  {[
                    [t("p50"), ms(p.p50Ms)],
                    [t("p95"), ms(p.p95Ms)],
                    [
                      t("errorRate"),
                      p.errorRate24h === null
                        ? "—"
                        : format.number(p.errorRate24h / 100, { style: "percent", maximumFractionDigits: 1 }),
                    ],
                    [t("calls"), format.number(p.calls24h)],
                    [t("failureCount"), format.number(p.failureCount)],
                  ].map(([label, value]) => (
                    <div key={label} className="grid gap-0.5">
                      <dt className="text-xs text-muted-foreground">{label}</dt>
                      <dd className="font-medium tabular-nums">{value}</dd>
                    </div>
                  ))}
                </dl>
                {p.lastError && p.failureCount > 0 && (
                  <p className="text-[13px] break-words text-muted-foreground">
                    {t("lastError", { error: p.lastError })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
