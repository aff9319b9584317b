"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, GRID, LEGEND, SERIES, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

const KEYS = ["customer", "bot", "agent"] as const;

/** Messages per hour (ranges of up to two days) or per day, stacked by who wrote them. */
export function MessagesChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.messages");
  const hourly = data.range.granularity === "hour";
  // one day of hours needs no date on the axis; two days do
  const oneDay = data.range.from === data.range.to;
  const label = (bucket: string) =>
    hourly ? (oneDay ? fmt.hour(bucket) : fmt.hourLong(bucket)) : fmt.dayAt(bucket);
  const longLabel = (bucket: string) => (hourly ? fmt.hourLong(bucket) : fmt.dayAtLong(bucket));
  const points = data.messageSeries.map((p) => ({
    ...p,
    label: label(p.bucket),
    total: p.customer + p.bot + p.agent,
  }));
  const busiest = points.reduce<(typeof points)[number] | null>(
    (best, p) => (p.total > 0 && (!best || p.total > best.total) ? p : best),
    null,
  );
  const { customerMessages, botMessages, agentMessages } = data.totals;

  return (
    <ChartCard
      id="messages"
      title={hourly ? t("titleHour") : t("titleDay")}
      summary={t("summary", {
        customer: fmt.count(customerMessages),
        bot: fmt.count(botMessages),
        agent: fmt.count(agentMessages),
        busiest: busiest ? longLabel(busiest.bucket) : fmt.dash,
      })}
      table={{
        columns: [t("bucket"), ...KEYS.map((k) => t(k))],
        rows: points.map((p) => [longLabel(p.bucket), p.customer, p.bot, p.agent]),
      }}
      className="lg:col-span-2"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: -12 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID} />
          <XAxis dataKey="label" {...AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} {...AXIS} tickFormatter={fmt.compact} />
          <Tooltip {...TOOLTIP} formatter={(v, name) => [fmt.count(Number(v)), name]} />
          <Legend {...LEGEND} />
          {KEYS.map((k) => (
            <Bar
              key={k}
              dataKey={k}
              name={t(k)}
              stackId="m"
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
