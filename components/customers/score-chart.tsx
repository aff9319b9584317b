"use client";

import { useFormatter, useTranslations } from "next-intl";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { TCustomerDetail } from "./types";

// Score over time on a 0–100 axis, with the level bands behind it: below 40 BLACK, 40–80 GRAY,
// 80 and above WHITE (the thresholds of the scoring service). The figure's caption says the same
// in words, for screen readers and for anyone who cannot tell the colours apart.

export const LEVEL_BANDS = { gray: 40, white: 80 } as const;

export function ScoreChart({ history }: { history: TCustomerDetail["scoreHistory"] }) {
  const t = useTranslations("customers.chart");
  const format = useFormatter();
  const data = history.map((h) => ({ at: h.createdAt.getTime(), score: h.score }));
  const first = history[0];
  const last = history[history.length - 1];
  const scores = history.map((h) => h.score);
  const summary = last
    ? t("summary", {
        count: history.length,
        from: format.dateTime(first.createdAt, { dateStyle: "medium" }),
        to: format.dateTime(last.createdAt, { dateStyle: "medium" }),
        first: first.score,
        last: last.score,
        min: Math.min(...scores),
        max: Math.max(...scores),
      })
    : "";
  const tick = (v: number) => format.dateTime(new Date(v), { month: "numeric", day: "numeric" });

  return (
    <figure className="grid gap-3" aria-labelledby="score-chart-caption">
      <div className="h-56 w-full" data-testid="score-chart" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
            accessibilityLayer={false}
          >
            <ReferenceArea y1={0} y2={LEVEL_BANDS.gray} fill="var(--color-destructive)" fillOpacity={0.07} />
            <ReferenceArea
              y1={LEVEL_BANDS.gray}
              y2={LEVEL_BANDS.white}
              fill="var(--color-muted-foreground)"
              fillOpacity={0.07}
            />
            <ReferenceArea y1={LEVEL_BANDS.white} y2={100} fill="var(--color-success)" fillOpacity={0.08} />
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border)" />
            <ReferenceLine
              y={LEVEL_BANDS.gray}
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 4"
            />
            <ReferenceLine
              y={LEVEL_BANDS.white}
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 4"
            />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={tick}
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
              stroke="var(--color-border)"
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, LEVEL_BANDS.gray, LEVEL_BANDS.white, 100]}
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
              stroke="var(--color-border)"
            />
            <Tooltip
              labelFormatter={(v) =>
                format.dateTime(new Date(Number(v)), { dateStyle: "medium", timeStyle: "short" })
              }
              formatter={(v) => [v, t("score")]}
              contentStyle={{
                background: "var(--color-popover)",
                border: "1px solid var(--color-border)",
                borderRadius: 8,
                fontSize: 12,
              }}
            />
            <Line
              type="monotone"
              dataKey="score"
              stroke="var(--color-primary)"
              strokeWidth={2}
              dot={data.length < 20}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="score-chart-caption" className="text-[13px] text-muted-foreground">
        <span>{summary}</span> <span>{t("bands", { gray: LEVEL_BANDS.gray, white: LEVEL_BANDS.white })}</span>
      </figcaption>
    </figure>
  );
}
