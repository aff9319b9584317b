"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

type TStep = { key: "invite" | "email" | "apiKey"; done: boolean; href: string };

/** Setup steps the caller can act on; each is "done" from real data, never from a stored flag. */
export function GettingStarted() {
  const t = useTranslations("overview.gettingStarted");
  const tenant = useTenant();
  const trpc = useTRPC();
  const input = { tenantId: tenant.tenantId };
  const canInvite = tenant.can("members.manage");
  const canUpdate = tenant.can("tenant.update");
  const canKeys = tenant.can("apikeys.manage");
  const members = useQuery({ ...trpc.members.list.queryOptions(input), enabled: canInvite });
  const info = useQuery({ ...trpc.tenant.get.queryOptions(input), enabled: canUpdate });
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions(input), enabled: canKeys });
  const queries = [canInvite && members, canUpdate && info, canKeys && keys].filter((q) => q !== false);
  if (queries.length === 0) return null;

  const base = `/t/${tenant.slug}`;
  const failed = queries.find((q) => q.isError);
  const loading = queries.some((q) => q.isPending);
  const steps: TStep[] = [];
  if (canInvite)
    steps.push({ key: "invite", done: (members.data?.length ?? 0) > 1, href: `${base}/members` });
  if (canUpdate)
    steps.push({
      key: "email",
      done: Boolean(info.data?.notificationEmail),
      href: `${base}/settings#general`,
    });
  if (canKeys)
    steps.push({ key: "apiKey", done: (keys.data?.length ?? 0) > 0, href: `${base}/settings#api-keys` });
  const doneCount = steps.filter((s) => s.done).length;

  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {!loading && !failed && (
          <span className="shrink-0 text-[13px] text-muted-foreground tabular-nums">
            {t("progress", { done: doneCount, total: steps.length })}
          </span>
        )}
      </CardHeader>
      <CardContent>
        {failed ? (
          <QueryError error={failed.error} onRetry={() => queries.forEach((q) => q.isError && q.refetch())} />
        ) : loading ? (
          <div className="grid gap-3" aria-busy>
            {steps.map((s) => (
              <Skeleton key={s.key} className="h-14" />
            ))}
          </div>
        ) : (
          <>
            <div className="mb-4 h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
              <div
                className="h-full rounded-full bg-primary transition-[width]"
                style={{ width: `${(doneCount / steps.length) * 100}%` }}
              />
            </div>
            <ol className="grid gap-2">
              {steps.map((s) => (
                <li
                  key={s.key}
                  className={cn(
                    "flex flex-col gap-3 rounded-lg border p-3.5 sm:flex-row sm:items-center",
                    s.done && "bg-muted/40",
                  )}
                >
                  <div className="flex min-w-0 flex-1 gap-3">
                    {s.done ? (
                      <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
                    ) : (
                      <Circle className="mt-0.5 size-5 shrink-0 text-muted-foreground/60" aria-hidden />
                    )}
                    <div className="min-w-0">
                      <p
                        className={cn(
                          "font-medium",
                          s.done && "text-muted-foreground line-through decoration-1",
                        )}
                      >
                        {t(`${s.key}.title`)}
                        <span className="sr-only"> — {s.done ? t("done") : t("todo")}</span>
                      </p>
                      <p className="text-[13px] text-muted-foreground">{t(`${s.key}.text`)}</p>
                    </div>
                  </div>
                  {!s.done && (
                    <Button
                      asChild
                      variant="outline"
                      size="sm"
                      className="ml-8 self-start sm:ml-0 sm:self-center"
                    >
                      <Link href={s.href}>
                        {t(`${s.key}.action`)}
                        <ArrowRight aria-hidden />
                      </Link>
                    </Button>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </CardContent>
    </Card>
  );
}
