"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { auditDetail } from "./audit-actions";

type TEntry = {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  data: unknown;
  ip: string | null;
  createdAt: Date;
};

export function AuditTable({ items }: { items: TEntry[] }) {
  const t = useTranslations("audit");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const role = (r: string) => (roles.has(r) ? roles(r) : r);
  const actionLabel = (a: string) => (t.has(`actions.${a}`) ? t(`actions.${a}`) : a);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // the action already names the kind of target, so prefer the specifics (email, key name, roles)
  const target = (e: TEntry) => {
    const detail = auditDetail(e.action, e.data, role).text;
    const type =
      e.targetType && t.has(`targets.${e.targetType}`) ? t(`targets.${e.targetType}`) : e.targetType;
    return detail ?? type ?? "—";
  };

  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.time")}</TableHead>
              <TableHead>{t("columns.actor")}</TableHead>
              <TableHead>{t("columns.action")}</TableHead>
              <TableHead>{t("columns.target")}</TableHead>
              <TableHead>{t("columns.ip")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="whitespace-nowrap text-muted-foreground tabular-nums">
                  <time dateTime={e.createdAt.toISOString()}>{when(e.createdAt)}</time>
                </TableCell>
                <TableCell className="max-w-60 truncate" title={e.actorEmail ?? undefined}>
                  {e.actorEmail ?? t("system")}
                </TableCell>
                <TableCell className="font-medium whitespace-nowrap">{actionLabel(e.action)}</TableCell>
                <TableCell className="min-w-40 break-words text-muted-foreground">{target(e)}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap text-muted-foreground">
                  {e.ip ?? "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden">
        {items.map((e) => (
          <li key={e.id} className="grid gap-1 p-4">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-medium">{actionLabel(e.action)}</span>
              <time dateTime={e.createdAt.toISOString()} className="shrink-0 text-xs text-muted-foreground">
                {when(e.createdAt)}
              </time>
            </div>
            <span className="truncate text-[13px]">{e.actorEmail ?? t("system")}</span>
            <span className="text-[13px] break-words text-muted-foreground">{target(e)}</span>
            {e.ip && <span className="font-mono text-xs text-muted-foreground">{e.ip}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
