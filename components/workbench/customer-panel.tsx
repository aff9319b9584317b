"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { LevelBadge, StatusBadge, VipBadge } from "./badges";

/** Who the customer is: level, state, score, contact details, orders and earlier conversations. */
export function CustomerPanel({ conversationId }: { conversationId: string }) {
  const t = useTranslations("workbench.customer");
  const w = useTranslations("workbench");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const q = useQuery(trpc.workbench.customer.queryOptions({ tenantId: tenant.tenantId, conversationId }));

  if (q.isError) return <QueryError className="m-3" error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending)
    return (
      <div className="grid gap-3 p-4" aria-busy="true">
        <Skeleton className="h-12" />
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
    );

  const { contact: c, orders, pastConversations } = q.data;
  const name = c.name ?? w("anonymous");
  const date = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric" });
  const fields: [string, string | null][] = [
    [t("phone"), c.phone],
    [t("email"), c.email],
    [t("company"), c.company],
    [t("channel"), w(`channel.${c.channel}`)],
    [t("externalId"), c.externalId],
    [t("lastSeen"), c.lastSeenAt ? date(c.lastSeenAt) : null],
  ];

  return (
    <div className="grid gap-5 p-4 text-sm">
      <div className="flex items-center gap-3">
        <Avatar name={name} className="size-10 text-sm" />
        <div className="grid min-w-0 gap-1">
          <p className="truncate font-semibold">{name}</p>
          <div className="flex flex-wrap gap-1">
            {c.vip && <VipBadge />}
            <LevelBadge level={c.level} always />
            <Badge variant="outline">{t(`state.${c.state}`)}</Badge>
          </div>
        </div>
      </div>
      {c.levelOverride && <p className="-mt-3 text-xs text-muted-foreground">{t("levelOverridden")}</p>}

      <dl className="grid grid-cols-3 gap-2 text-center">
        {[
          [t("score"), format.number(c.score, { maximumFractionDigits: 0 })],
          [t("messages"), format.number(c.messageCount)],
          [t("conversations"), format.number(c.conversationCount)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg bg-muted px-2 py-1.5">
            <dt className="text-[11px] text-muted-foreground">{label}</dt>
            <dd className="font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <dl className="grid gap-2">
        {fields.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="break-words">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>

      {c.tags.length > 0 && (
        <ul aria-label={t("tags")} className="flex flex-wrap gap-1">
          {c.tags.map((tag) => (
            <li key={tag}>
              <Badge variant="secondary">{tag}</Badge>
            </li>
          ))}
        </ul>
      )}

      <section className="grid gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("orders")}</h3>
        {orders.length === 0 ? (
          <p className="text-muted-foreground">{t("noOrders")}</p>
        ) : (
          <ul className="grid gap-1.5">
            {orders.map((o) => (
              <li key={o.id} className="grid gap-0.5 rounded-lg border px-2.5 py-2">
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{o.orderNo}</span>
                  <span className="tabular-nums">{o.amount}</span>
                </span>
                <span className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
                  <span className="truncate">{o.status}</span>
                  {o.orderedAt && <span>{date(o.orderedAt)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="grid gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t("past")}</h3>
        {pastConversations.length === 0 ? (
          <p className="text-muted-foreground">{t("noPast")}</p>
        ) : (
          <ul className="grid gap-1">
            {pastConversations.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/t/${tenant.slug}/inbox/${p.id}`}
                  className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span>{date(p.createdAt)}</span>
                  <span className="flex items-center gap-1">
                    {p.outcome && (
                      <span className="text-xs text-muted-foreground">{w(`outcome.${p.outcome}`)}</span>
                    )}
                    <StatusBadge status={p.status} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
