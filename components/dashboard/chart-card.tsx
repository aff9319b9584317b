import type * as React from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

// A chart in a card. The drawing is hidden from assistive technology; what it shows is given twice in
// text instead: a one-line summary under the chart and a visually hidden table with every point.

export type TDataTable = { columns: string[]; rows: (string | number)[][] };

export function ChartCard({
  id,
  title,
  description,
  summary,
  table,
  className,
  chartClassName = "h-64",
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  summary: string;
  table: TDataTable;
  className?: string;
  chartClassName?: string;
  /** controls of the chart (e.g. which metric); kept outside the hidden drawing so they stay reachable */
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card className={cn("min-w-0 overflow-hidden", className)} data-testid={`chart-${id}`}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="grid min-w-0 gap-1">
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions}
      </CardHeader>
      <CardContent className="pt-3">
        <figure
          className="relative grid min-w-0 grid-cols-1 gap-3"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-summary`}
        >
          <div className={cn("w-full min-w-0", chartClassName)} aria-hidden>
            {children}
          </div>
          <figcaption id={`${id}-summary`} className="text-[13px] text-muted-foreground">
            {summary}
          </figcaption>
          <DataTable caption={title} table={table} />
        </figure>
      </CardContent>
    </Card>
  );
}

function DataTable({ caption, table }: { caption: string; table: TDataTable }) {
  // The 1 px sr-only box is a div: a table cannot shrink below its content, so an sr-only table would
  // still be hundreds of pixels wide and push the page sideways on a phone.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
