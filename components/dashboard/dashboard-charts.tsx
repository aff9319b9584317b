"use client";

import { AgentsTable } from "./agents-table";
import { LearnedChart } from "./learned-chart";
import { LevelsChart } from "./levels-chart";
import { MessagesChart } from "./messages-chart";
import { QualityChart } from "./quality-chart";
import { ResponseChart } from "./response-chart";
import type { TOverview } from "./types";
import { UsageChart } from "./usage-chart";
import type { TDashboardFormat } from "./use-dashboard-format";

/** The chart grid: one column on a phone, two from lg up, wide charts spanning both. */
export function DashboardCharts({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-2">
      <MessagesChart data={data} fmt={fmt} />
      <QualityChart data={data} fmt={fmt} />
      <ResponseChart data={data} fmt={fmt} />
      <UsageChart data={data} fmt={fmt} />
      <LevelsChart data={data} fmt={fmt} />
      <LearnedChart data={data} fmt={fmt} />
      <AgentsTable rows={data.agents} fmt={fmt} />
    </div>
  );
}
