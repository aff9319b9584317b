"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

/** Requests, failures, tokens and cost per provider and model in the range. */
export function ProviderTable({ rows, fmt }: { rows: TOverview["usageByProvider"]; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.providers");
  return (
    <Card className="min-w-0 overflow-hidden" data-testid="provider-table">
      <CardHeader>
        <CardTitle id="providers-title">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="px-0 pt-3 pb-2 sm:px-0">
        {rows.length === 0 ? (
          <p className="px-5 pb-3 text-[13px] text-muted-foreground sm:px-6">{t("empty")}</p>
        ) : (
          <Table aria-labelledby="providers-title">
            <TableHeader>
              <TableRow>
                <TableHead>{t("provider")}</TableHead>
                <TableHead className="text-right">{t("requests")}</TableHead>
                <TableHead className="text-right">{t("failures")}</TableHead>
                <TableHead className="text-right">{t("tokens")}</TableHead>
                <TableHead className="text-right">{t("cost")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.provider}/${r.model}`}>
                  <TableCell>
                    <div className="font-medium">{r.provider}</div>
                    <div className="text-[13px] text-muted-foreground">{r.model}</div>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.count(r.requests)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {fmt.count(r.failures)}
                    {r.requests > 0 && r.failures > 0 && (
                      <span className="ml-1 text-[13px] text-muted-foreground">
                        ({fmt.percent(r.failures / r.requests)})
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.count(r.tokens)}</TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.yuan(r.costMicros)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
