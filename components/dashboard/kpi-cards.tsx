"use client";

import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

// The range's headline figures. Each card is a labelled group (name, value, one line of context) so a
// screen reader reads "Bot resolution rate, 72.5 %, of 40 closed conversations" in one go.

type TKpi = { key: string; value: string; hint?: string };

export function KpiCards({ data, fmt }: { data: TOverview; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.kpi");
  const x = data.totals;
  const kpis: TKpi[] = [
    { key: "conversations", value: fmt.count(x.conversations) },
    {
      key: "customerMessages",
      value: fmt.count(x.customerMessages),
      hint: t("repliesHint", { bot: fmt.count(x.botMessages), agent: fmt.count(x.agentMessages) }),
    },
    { key: "botResolutionRate", value: fmt.percent(x.botResolutionRate) },
    { key: "transferRate", value: fmt.percent(x.transferRate) },
    { key: "clarifyRate", value: fmt.percent(x.clarifyRate) },
    {
      key: "response",
      value: fmt.duration(x.responseP50Ms),
      hint: t("p95Hint", { p95: fmt.duration(x.responseP95Ms) }),
    },
    { key: "knowledgeHitRate", value: fmt.percent(x.knowledgeHitRate) },
    { key: "cost", value: fmt.yuan(x.costMicros), hint: t("tokensHint", { tokens: fmt.count(x.tokens) }) },
    {
      key: "satisfaction",
      value:
        x.satisfactionAvg === null
          ? fmt.dash
          : t("satisfactionValue", { score: fmt.score(x.satisfactionAvg) }),
    },
    { key: "learnedItems", value: fmt.count(x.learnedItems) },
  ];
  return (
    <section aria-labelledby="kpi-heading" className="min-w-0">
      <h2 id="kpi-heading" className="sr-only">
        {t("heading")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5" data-testid="kpis">
        {kpis.map((k) => (
          <li key={k.key}>
            <Card
              className="h-full px-4 py-3.5"
              role="group"
              aria-labelledby={`kpi-${k.key}`}
              data-kpi={k.key}
            >
              <p id={`kpi-${k.key}`} className="text-[13px] text-muted-foreground">
                {t(k.key)}
              </p>
              <p
                data-testid="kpi-value"
                className="mt-1 text-xl font-semibold tracking-tight tabular-nums sm:text-2xl"
              >
                {k.value}
              </p>
              {k.hint && <p className="mt-0.5 text-xs text-muted-foreground tabular-nums">{k.hint}</p>}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
