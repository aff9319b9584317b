"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui/button";
import { AXIS, GRID, LEGEND, PROVIDER_COLOURS, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import { ProviderTable } from "./provider-table";
import { pivotUsage, type TUsageMetric } from "./series";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

/** LLM tokens or cost per day, stacked by provider, with the per-provider table under it. */
export function UsageChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.usage");
  const [metric, setMetric] = useState<TUsageMetric>("cost");
  const { providers, rows } = pivotUsage(data.usageSeries, metric);
  const show = (v: number) => (metric === "cost" ? fmt.yuan(v) : fmt.count(v));
  const points = rows.map((r) => ({ ...r, label: fmt.day(String(r.day)) }));

  return (
    <div className="grid min-w-0 grid-cols-1 gap-4 lg:col-span-2">
      <ChartCard
        id="usage"
        title={t("title")}
        description={t("description")}
        summary={t("summary", {
          tokens: fmt.count(data.totals.tokens),
          cost: fmt.yuan(data.totals.costMicros),
          providers: providers.length,
        })}
        table={{
          columns: [t("day"), ...providers],
          rows: rows.map((r) => [
            fmt.dayLong(String(r.day)),
            ...providers.map((p) => show(Number(r[p] ?? 0))),
          ]),
        }}
        actions={
          <div className="flex gap-1" role="group" aria-label={t("metric")}>
            {(["cost", "tokens"] as const).map((m) => (
              <Button
                key={m}
                size="sm"
                variant={metric === m ? "secondary" : "ghost"}
                aria-pressed={metric === m}
                onClick={() => setMetric(m)}
              >
                {t(m)}
              </Button>
            ))}
          </div>
        }
      >
        {providers.length === 0 ? (
          // empty axes look broken; say plainly that no AI request was made (no key, or FAQ answers only)
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed text-[13px] text-muted-foreground">
            {t("none")}
          </div>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={points}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid {...GRID} />
              <XAxis dataKey="label" {...AXIS} minTickGap={16} />
              <YAxis
                {...AXIS}
                width={64}
                tickFormatter={(v: number) => (metric === "cost" ? fmt.yuan(v) : fmt.compact(v))}
              />
              <Tooltip {...TOOLTIP} formatter={(v, name) => [show(Number(v)), name]} />
              <Legend {...LEGEND} />
              {providers.map((p, i) => (
                <Bar
                  key={p}
                  dataKey={p}
                  name={p}
                  stackId="u"
                  fill={PROVIDER_COLOURS[i % PROVIDER_COLOURS.length]}
                  isAnimationActive={false}
                  maxBarSize={40}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      <ProviderTable rows={data.usageByProvider} fmt={fmt} />
    </div>
  );
}
