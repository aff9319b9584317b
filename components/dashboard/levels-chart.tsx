"use client";

import { useTranslations } from "next-intl";
import { Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { LEVEL_COLOURS, TOOLTIP } from "./chart-theme";
import { ChartCard } from "./chart-card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

const ORDER = ["WHITE", "GRAY", "BLACK"] as const;

/** Customers by level (WHITE ≥ 80, GRAY 40–79, BLACK < 40) as a donut with its numbers beside it. */
export function LevelsChart({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.charts.levels");
  const count = (l: (typeof ORDER)[number]) => data.customerLevels.find((c) => c.level === l)?.count ?? 0;
  const total = ORDER.reduce((s, l) => s + count(l), 0);
  // each slice carries its own fill: recharts reads sector props from the data entry (Cell is deprecated)
  const slices = ORDER.map((l) => ({ name: t(l), value: count(l), fill: LEVEL_COLOURS[l] })).filter(
    (s) => s.value > 0,
  );
  const share = (n: number) => (total ? fmt.percent(n / total) : fmt.dash);

  return (
    <ChartCard
      id="levels"
      title={t("title")}
      summary={t("summary", {
        total: fmt.count(total),
        white: fmt.count(count("WHITE")),
        gray: fmt.count(count("GRAY")),
        black: fmt.count(count("BLACK")),
      })}
      table={{
        columns: [t("level"), t("customers"), t("share")],
        rows: ORDER.map((l) => [t(l), count(l), share(count(l))]),
      }}
      chartClassName="h-auto"
    >
      <div className="flex flex-col items-center gap-4 sm:flex-row sm:gap-6">
        <div className="size-36 shrink-0">
          {total > 0 ? (
            <ResponsiveContainer width="100%" height="100%">
              <PieChart accessibilityLayer={false}>
                <Pie
                  data={slices}
                  dataKey="value"
                  nameKey="name"
                  innerRadius="62%"
                  outerRadius="100%"
                  paddingAngle={slices.length > 1 ? 2 : 0}
                  stroke="var(--color-card)"
                  isAnimationActive={false}
                />
                <Tooltip {...TOOLTIP} formatter={(v, name) => [fmt.count(Number(v)), name]} />
              </PieChart>
            </ResponsiveContainer>
          ) : (
            <div className="size-full rounded-full border-[14px] border-muted" />
          )}
        </div>
        <ul className="grid w-full gap-2 text-sm sm:w-auto sm:flex-1">
          {ORDER.map((l) => (
            <li key={l} className="flex items-center gap-2">
              <span className="size-2.5 shrink-0 rounded-full" style={{ background: LEVEL_COLOURS[l] }} />
              <span className="min-w-0 flex-1 truncate">{t(l)}</span>
              <span className="font-medium tabular-nums">{fmt.count(count(l))}</span>
              <span className="w-14 text-right text-[13px] text-muted-foreground tabular-nums">
                {share(count(l))}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}
