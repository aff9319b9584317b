import type { TOverview } from "./types";

// Pure reshaping of the overview answer for the page and its charts (unit-tested in series.test.ts).

export type TUsageMetric = "cost" | "tokens";

/** Whether anything happened in the range at all; if not, the page shows its empty state. */
export function hasActivity(data: TOverview): boolean {
  const x = data.totals;
  return x.conversations + x.customerMessages + x.botMessages + x.agentMessages + x.tokens > 0;
}

/** One row per day with a column per provider: the shape a stacked bar chart needs. */
export function pivotUsage(series: TOverview["usageSeries"], metric: TUsageMetric) {
  const providers = [...new Set(series.map((s) => s.provider))];
  const byDay = new Map<string, Record<string, number | string>>();
  for (const s of series) {
    const row = byDay.get(s.day) ?? { day: s.day };
    const value = metric === "cost" ? s.costMicros : s.tokensIn + s.tokensOut;
    row[s.provider] = Number(row[s.provider] ?? 0) + value;
    byDay.set(s.day, row);
  }
  const rows = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return { providers, rows };
}
