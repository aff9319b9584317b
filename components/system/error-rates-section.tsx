"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TErrorCounts, TSystemOverview } from "./system-types";

/** Failed provider calls and deliveries over the last hour and day, with the counts behind the rate. */
export function ErrorRatesSection({ rates }: { rates: TSystemOverview["errorRates"] }) {
  const t = useTranslations("system.errors");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <RateBlock label={t("hour")} counts={rates.hour} />
        <RateBlock label={t("day")} counts={rates.day} />
      </CardContent>
    </Card>
  );
}

function RateBlock({ label, counts }: { label: string; counts: TErrorCounts }) {
  const t = useTranslations("system.errors");
  const format = useFormatter();
  const rate = counts.rate;
  const tone =
    rate === null || rate === 0
      ? "text-foreground"
      : rate >= 10
        ? "text-destructive-soft-foreground"
        : "text-warning-soft-foreground";
  return (
    <section className="grid gap-1 rounded-lg border p-4" aria-label={label}>
      <h3 className="text-[13px] text-muted-foreground">{label}</h3>
      <p className={cn("text-2xl font-semibold tabular-nums", tone)}>
        {rate === null ? "—" : format.number(rate / 100, { style: "percent", maximumFractionDigits: 1 })}
      </p>
      {rate === null ? (
        <p className="text-[13px] text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="grid gap-0.5 text-[13px] text-muted-foreground">
          <li>{t("calls", { failed: counts.callFailures, total: counts.calls })}</li>
          <li>{t("deliveries", { failed: counts.deliveryFailures, total: counts.deliveries })}</li>
        </ul>
      )}
    </section>
  );
}
