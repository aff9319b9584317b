"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, LEGEND, SERIES, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

const KEYS = ["autoApproved", "approved", "pending", "rejected"] as const;

/** What the learning loop filed per day, stacked by where each item stands now. */
export function LearnedChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.learned");
  const points = data.learnedSeries.map((p) => ({ ...p, label: fmt.day(p.day) }));
  const sum = (k: (typeof KEYS)[number]) => data.learnedSeries.reduce((s, p) => s + p[k], 0);
  return (
    <ChartCard
      id="learned"
      title={t("title")}
      summary={t("summary", {
        total: fmt.count(data.totals.learnedItems),
        autoApproved: fmt.count(sum("autoApproved")),
        approved: fmt.count(sum("approved")),
        pending: fmt.count(sum("pending")),
        rejected: fmt.count(sum("rejected")),
      })}
      table={{
        columns: [t("day"), ...KEYS.map((k) => t(k))],
        rows: data.learnedSeries.map((p) => [fmt.dayLong(p.day), ...KEYS.map((k) => p[k])]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID} />
          <XAxis dataKey="label" {...AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip {...TOOLTIP} formatter={(v, name) => [fmt.count(Number(v)), name]} />
          <Legend {...LEGEND} />
          {KEYS.map((k) => (
            <Bar
              key={k}
              dataKey={k}
              name={t(k)}
              stackId="l"
              fill={SERIES[k]}
              isAnimationActive={false}
              maxBarSize={40}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
