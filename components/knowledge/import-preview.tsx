"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useRejectReason } from "./import-errors";
import { QaTags } from "./qa-parts";
import type { TImportPreview } from "./types";

/** What the server read from the file: counts, the rows it will skip and why, and the first rows. */
export function ImportPreview({ result }: { result: TImportPreview }) {
  const t = useTranslations("knowledge.import");
  const reason = useRejectReason();
  const rejected = result.rejected.length;
  const stats = [
    { key: "total", value: result.total, tone: "" },
    { key: "valid", value: result.validCount, tone: "text-success-soft-foreground" },
    {
      key: "rejected",
      value: rejected,
      tone: rejected ? "text-destructive-soft-foreground" : "text-muted-foreground",
    },
  ] as const;

  return (
    <div className="grid min-w-0 gap-4">
      <dl className="grid grid-cols-3 gap-2 sm:gap-3">
        {stats.map((s) => (
          <div key={s.key} className="grid gap-0.5 rounded-lg border px-3 py-2.5">
            <dt className="text-xs text-muted-foreground">{t(`summary.${s.key}`)}</dt>
            <dd className={cn("text-xl font-semibold tabular-nums", s.tone)}>{s.value}</dd>
          </div>
        ))}
      </dl>

      {rejected > 0 && (
        <section
          aria-labelledby="qa-import-rejected"
          className="grid gap-2 rounded-lg border border-destructive/30 bg-destructive-soft/60 px-3.5 py-3"
        >
          <div className="grid gap-0.5">
            <h3 id="qa-import-rejected" className="text-sm font-medium text-destructive-soft-foreground">
              {t("rejectedTitle")} ({rejected})
            </h3>
            <p className="text-[13px] text-muted-foreground">{t("rejectedText")}</p>
          </div>
          <ul className="grid max-h-40 gap-1 overflow-y-auto text-[13px]">
            {result.rejected.map((r) => (
              <li key={r.row} className="flex gap-2">
                <span className="shrink-0 font-medium tabular-nums">{t("row", { row: r.row })}</span>
                <span className="min-w-0 break-words text-muted-foreground">{reason(r.reason)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.sample.length > 0 && (
        <section aria-labelledby="qa-import-sample" className="grid min-w-0 gap-2">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
            <h3 id="qa-import-sample" className="text-sm font-medium">
              {t("sampleTitle")}
            </h3>
            {result.validCount > result.sample.length && (
              <p className="text-xs text-muted-foreground">
                {t("sampleMore", { shown: result.sample.length, total: result.validCount })}
              </p>
            )}
          </div>
          <div className="hidden max-h-80 overflow-y-auto rounded-lg border sm:block">
            <Table className="table-fixed">
              <TableHeader className="sticky top-0 z-10 bg-popover">
                <TableRow className="hover:bg-transparent">
                  <TableHead className="w-14">{t("columns.row")}</TableHead>
                  <TableHead className="w-[32%]">{t("columns.question")}</TableHead>
                  <TableHead>{t("columns.answer")}</TableHead>
                  <TableHead className="w-32">
                    {t("columns.topic")} / {t("columns.category")}
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.sample.map((r) => (
                  <TableRow key={r.row}>
                    <TableCell className="align-top text-muted-foreground tabular-nums">{r.row}</TableCell>
                    <TableCell className="align-top font-medium break-words">{r.question}</TableCell>
                    <TableCell className="align-top">
                      <p className="line-clamp-3 break-words whitespace-pre-line text-muted-foreground">
                        {r.answer}
                      </p>
                    </TableCell>
                    <TableCell className="align-top">
                      <QaTags topic={r.topic} category={r.category} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="grid max-h-80 divide-y overflow-y-auto rounded-lg border sm:hidden">
            {result.sample.map((r) => (
              <li key={r.row} className="grid gap-1 px-3 py-2.5">
                <span className="text-xs text-muted-foreground">{t("row", { row: r.row })}</span>
                <span className="text-sm font-medium break-words">{r.question}</span>
                <p className="line-clamp-3 text-[13px] break-words whitespace-pre-line text-muted-foreground">
                  {r.answer}
                </p>
                <QaTags topic={r.topic} category={r.category} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
