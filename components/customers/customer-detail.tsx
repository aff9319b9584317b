"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ChartLine, MessagesSquare, Receipt } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LevelOverrideSelect, VipSwitch } from "./customer-controls";
import { displayName, LevelBadge, StateBadge, VipBadge } from "./customer-parts";
import { channelKey } from "./customers-page";
import { ScoreChart } from "./score-chart";
import type { TCustomerDetail } from "./types";

export function CustomerDetailPage({ contactId }: { contactId: string }) {
  const tenant = useTenant();
  if (!tenant.can("customers.read")) return <NoPermission />;
  return <CustomerDetail contactId={contactId} />;
}

function BackLink() {
  const t = useTranslations("customers");
  const tenant = useTenant();
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-3 w-fit text-muted-foreground">
      <Link href={`/t/${tenant.slug}/customers`}>
        <ArrowLeft aria-hidden />
        {t("back")}
      </Link>
    </Button>
  );
}

function CustomerDetail({ contactId }: { contactId: string }) {
  const tenant = useTenant();
  const trpc = useTRPC();
  const q = useQuery(trpc.customers.get.queryOptions({ tenantId: tenant.tenantId, contactId }));
  return (
    <div className="grid">
      <BackLink />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <DetailSkeleton />
      ) : (
        <Loaded customer={q.data} />
      )}
    </div>
  );
}

function Loaded({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const tenant = useTenant();
  const canWrite = tenant.can("customers.write");
  const overridden = c.levelOverride !== null;
  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid min-w-0 gap-2">
          <h1 className="truncate text-xl leading-tight font-semibold tracking-tight sm:text-[22px]">
            {displayName(c)}
          </h1>
          <div className="flex flex-wrap items-center gap-1.5" data-testid="customer-badges">
            <LevelBadge level={c.effectiveLevel} override={overridden} />
            <StateBadge state={c.state} />
            {c.vip && <VipBadge />}
            <span className="text-[13px] text-muted-foreground">
              {t("scoreValue", { score: c.score })}
              {overridden && ` · ${t("autoHint", { level: t(`levels.${c.level}`) })}`}
            </span>
          </div>
        </div>
        {canWrite && (
          <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
            <LevelOverrideSelect customer={c} />
            <VipSwitch customer={c} />
          </div>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid min-w-0 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("sections.score")}</CardTitle>
            </CardHeader>
            <CardContent>
              {c.scoreHistory.length === 0 ? (
                <EmptyState icon={ChartLine} title={t("noScores")} className="py-8" />
              ) : (
                <ScoreChart history={c.scoreHistory} />
              )}
            </CardContent>
          </Card>
          <Conversations customer={c} />
          <Orders customer={c} />
        </div>
        <div className="grid content-start gap-6">
          <ContactFields customer={c} />
          <StateTimeline customer={c} />
        </div>
      </div>
    </div>
  );
}

function ContactFields({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  const rows: [string, React.ReactNode][] = [
    [t("fields.channel"), t(`channels.${channelKey(c.channel)}`)],
    [t("fields.externalId"), c.externalId],
    [t("fields.phone"), c.phone],
    [t("fields.email"), c.email],
    [t("fields.wechatId"), c.wechatId],
    [t("fields.company"), c.company],
    [t("fields.erpCode"), c.erpCode],
    [t("fields.intent"), c.intent],
    [t("fields.messages"), String(c.messageCount)],
    [t("fields.conversations"), String(c.conversationCount)],
    [t("fields.dealAmount"), c.dealAmount],
    [
      t("fields.lastSeen"),
      c.lastSeenAt ? format.dateTime(c.lastSeenAt, { dateStyle: "medium", timeStyle: "short" }) : t("never"),
    ],
    [t("fields.createdAt"), format.dateTime(c.createdAt, { dateStyle: "medium" })],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sections.contact")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2.5 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="break-words">{value ?? <span className="text-muted-foreground">—</span>}</dd>
            </div>
          ))}
          {c.tags.length > 0 && (
            <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2">
              <dt className="text-muted-foreground">{t("fields.tags")}</dt>
              <dd className="flex flex-wrap gap-1">
                {c.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </CardContent>
    </Card>
  );
}

function StateTimeline({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("sections.state")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="flex items-center gap-2 text-sm">
          {t("currentState")} <StateBadge state={c.state} />
        </p>
        {c.transitions.length === 0 ? (
          <p className="text-[13px] text-muted-foreground">{t("noTransitions")}</p>
        ) : (
          <ol className="grid gap-4 border-l pl-4" aria-label={t("sections.state")}>
            {c.transitions.map((tr, i) => (
              <li key={i} className="relative grid gap-1">
                <span
                  className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-card bg-primary"
                  aria-hidden
                />
                <span className="flex flex-wrap items-center gap-1 text-sm">
                  {tr.fromState ? <StateBadge state={tr.fromState} /> : null}
                  {tr.fromState && (
                    <>
                      <span aria-hidden>→</span>
                      <span className="sr-only">{t("to")}</span>
                    </>
                  )}
                  <StateBadge state={tr.toState} />
                </span>
                {tr.reason && <span className="text-[13px] break-words">{tr.reason}</span>}
                <time className="text-xs text-muted-foreground" dateTime={tr.createdAt.toISOString()}>
                  {format.dateTime(tr.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function Conversations({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  const tenant = useTenant();
  const canOpen = tenant.can("workbench.use");
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>{t("sections.conversations")}</CardTitle>
      </CardHeader>
      {c.conversations.length === 0 ? (
        <EmptyState icon={MessagesSquare} title={t("noConversations")} className="py-8" />
      ) : (
        <ul className="divide-y border-t">
          {c.conversations.map((conv) => {
            const body = (
              <>
                <span className="grid min-w-0 gap-0.5">
                  <span className="text-sm font-medium">
                    {format.dateTime(conv.lastMessageAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {t(`channels.${channelKey(conv.channel)}`)}
                    {conv.satisfaction !== null && ` · ${t("satisfaction", { value: conv.satisfaction })}`}
                  </span>
                </span>
                <Badge variant={conv.status === "CLOSED" ? "secondary" : "default"}>
                  {t.has(`conversationStatus.${conv.status}`)
                    ? t(`conversationStatus.${conv.status}`)
                    : conv.status}
                </Badge>
              </>
            );
            return (
              <li key={conv.id}>
                {canOpen ? (
                  <Link
                    href={`/t/${tenant.slug}/inbox/${conv.id}`}
                    className="flex items-center justify-between gap-3 px-5 py-3 sm:px-6 outline-none hover:bg-muted/40 focus-visible:bg-muted/60"
                  >
                    {body}
                  </Link>
                ) : (
                  <div className="flex items-center justify-between gap-3 px-5 py-3 sm:px-6">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Orders({ customer: c }: { customer: TCustomerDetail }) {
  const t = useTranslations("customers");
  const format = useFormatter();
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>{t("sections.orders")}</CardTitle>
      </CardHeader>
      {c.orders.length === 0 ? (
        <EmptyState icon={Receipt} title={t("noOrders")} className="py-8" />
      ) : (
        <div className="overflow-x-auto border-t">
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>{t("orders.orderNo")}</TableHead>
                <TableHead>{t("orders.status")}</TableHead>
                <TableHead className="text-right">{t("orders.amount")}</TableHead>
                <TableHead>{t("orders.orderedAt")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {c.orders.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className="font-medium">{o.orderNo}</TableCell>
                  <TableCell>{o.status}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">
                    {o.amount} {o.currency}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {o.orderedAt ? format.dateTime(o.orderedAt, { dateStyle: "medium" }) : "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
}

function DetailSkeleton() {
  return (
    <div className="grid gap-6" aria-hidden>
      <div className="grid gap-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-5 w-64" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Skeleton className="h-72 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    </div>
  );
}
