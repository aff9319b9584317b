"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, LEGEND, SERIES, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

/** How long customers waited for the bot's answer, per day: the median and the slow tail (p95). */
export function ResponseChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.response");
  const points = data.qualitySeries.map((p) => ({ ...p, label: fmt.day(p.day) }));
  return (
    <ChartCard
      id="response"
      title={t("title")}
      summary={t("summary", {
        p50: fmt.duration(data.totals.responseP50Ms),
        p95: fmt.duration(data.totals.responseP95Ms),
      })}
      table={{
        columns: [t("day"), t("p50"), t("p95")],
        rows: data.qualitySeries.map((p) => [
          fmt.dayLong(p.day),
          fmt.duration(p.responseP50Ms),
          fmt.duration(p.responseP95Ms),
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID} />
          <XAxis dataKey="label" {...AXIS} minTickGap={16} />
          <YAxis {...AXIS} tickFormatter={(v: number) => fmt.duration(v)} width={64} />
          <Tooltip {...TOOLTIP} formatter={(v, name) => [fmt.duration(v == null ? null : Number(v)), name]} />
          <Legend {...LEGEND} />
          <Line
            type="monotone"
            dataKey="responseP50Ms"
            name={t("p50")}
            stroke={SERIES.bot}
            strokeWidth={2}
            dot={points.length <= 31}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="responseP95Ms"
            name={t("p95")}
            stroke={SERIES.transfer}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={points.length <= 31}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
