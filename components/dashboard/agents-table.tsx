"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TOverview } from "./types";
import type { TDashboardFormat } from "./use-dashboard-format";

/** Per-agent workload: open now, closed and replies in the range, first-response time, ratings. */
export function AgentsTable({ rows, fmt }: { rows: TOverview["agents"]; fmt: TDashboardFormat }) {
  const t = useTranslations("dashboard.agents");
  return (
    <Card className="min-w-0 overflow-hidden lg:col-span-2" data-testid="agents-table">
      <CardHeader>
        <CardTitle id="agents-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="px-0 pt-3 pb-2 sm:px-0">
        {rows.length === 0 ? (
          <p className="px-5 pb-3 text-[13px] text-muted-foreground sm:px-6">{t("empty")}</p>
        ) : (
          <Table aria-labelledby="agents-title">
            <TableHeader>
              <TableRow>
                <TableHead>{t("agent")}</TableHead>
                <TableHead className="text-right">{t("active")}</TableHead>
                <TableHead className="text-right">{t("closed")}</TableHead>
                <TableHead className="text-right">{t("replies")}</TableHead>
                <TableHead className="text-right">{t("firstResponse")}</TableHead>
                <TableHead className="text-right">{t("satisfaction")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((a) => (
                <TableRow key={a.userId}>
                  <TableCell className="font-medium">{a.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.count(a.active)}</TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.count(a.closed)}</TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.count(a.replies)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {fmt.duration(a.avgFirstResponseMs)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {a.satisfactionAvg === null ? (
                      fmt.dash
                    ) : (
                      <>
                        {fmt.score(a.satisfactionAvg)}
                        <span className="ml-1 text-[13px] text-muted-foreground">
                          {t("ratings", { count: a.ratings })}
                        </span>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
