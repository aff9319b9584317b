"use client";

import { ListChecks } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSystemJob } from "./system-types";

const STATUS_VARIANT = { SUCCEEDED: "success", FAILED: "destructive", RUNNING: "secondary" } as const;

/** Background jobs (JobRun) by function: the latest run, failures in 24 h and the latest error. */
export function JobsSection({ jobs }: { jobs: TSystemJob[] }) {
  const t = useTranslations("system.jobs");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const ago = (d: Date) => format.relativeTime(d, now > d ? now : d);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {jobs.length === 0 ? (
          <EmptyState icon={ListChecks} title={t("empty")} className="py-6" />
        ) : (
          <ul className="grid divide-y" aria-label={t("title")}>
            {jobs.map((j) => {
              const variant = STATUS_VARIANT[j.lastStatus as keyof typeof STATUS_VARIANT] ?? "secondary";
              return (
                <li key={j.functionId} className="grid gap-1 py-3 first:pt-0 last:pb-0">
                  <span className="flex flex-wrap items-center gap-2">
                    <code className="font-mono text-[13px] font-medium break-all">{j.functionId}</code>
                    <Badge variant={variant}>
                      {t.has(`status.${j.lastStatus}`) ? t(`status.${j.lastStatus}`) : j.lastStatus}
                    </Badge>
                    {j.failures24h > 0 && j.lastStatus !== "FAILED" && (
                      <Badge variant="warning">
                        {t("runs", { runs: j.runs24h, failures: j.failures24h })}
                      </Badge>
                    )}
                  </span>
                  <span className="flex flex-wrap gap-x-4 gap-y-0.5 text-[13px] text-muted-foreground">
                    <span>{t("lastRun", { when: ago(j.lastStartedAt) })}</span>
                    {(j.failures24h === 0 || j.lastStatus === "FAILED") && (
                      <span>{t("runs", { runs: j.runs24h, failures: j.failures24h })}</span>
                    )}
                  </span>
                  {j.lastError && j.lastErrorAt && (
                    <p className="rounded-md bg-muted px-2.5 py-1.5 text-[13px] break-words">
                      <span className="text-muted-foreground">
                        {t("lastError", { when: ago(j.lastErrorAt) })}
                      </span>{" "}
                      {j.lastError}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
