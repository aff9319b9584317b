"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, LEGEND, SERIES, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

const RATES = [
  ["botResolutionRate", SERIES.resolution],
  ["transferRate", SERIES.transfer],
  ["clarifyRate", SERIES.clarify],
  ["knowledgeHitRate", SERIES.knowledge],
] as const;

/** Bot quality per day: resolution, transfer, clarify and knowledge-hit rates on one 0–100 % axis. */
export function QualityChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.quality");
  const tk = useTranslations("dashboard.kpi");
  const points = data.qualitySeries.map((p) => ({ ...p, label: fmt.day(p.day) }));
  return (
    <ChartCard
      id="quality"
      title={t("title")}
      summary={t("summary", {
        resolution: fmt.percent(data.totals.botResolutionRate),
        transfer: fmt.percent(data.totals.transferRate),
        clarify: fmt.percent(data.totals.clarifyRate),
        knowledge: fmt.percent(data.totals.knowledgeHitRate),
      })}
      table={{
        columns: [t("day"), ...RATES.map(([k]) => tk(k))],
        rows: data.qualitySeries.map((p) => [fmt.dayLong(p.day), ...RATES.map(([k]) => fmt.percent(p[k]))]),
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 12, bottom: 0, left: -8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID} />
          <XAxis dataKey="label" {...AXIS} minTickGap={16} />
          <YAxis domain={[0, 1]} {...AXIS} tickFormatter={(v: number) => fmt.percent(v)} />
          <Tooltip {...TOOLTIP} formatter={(v, name) => [fmt.percent(v == null ? null : Number(v)), name]} />
          <Legend {...LEGEND} />
          {RATES.map(([k, colour]) => (
            <Line
              key={k}
              type="monotone"
              dataKey={k}
              name={tk(k)}
              stroke={colour}
              strokeWidth={2}
              dot={points.length <= 31}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
