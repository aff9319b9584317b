"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { useTRPC } from "@/components/providers/trpc";
import { RoleBadge } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function TenantFacts() {
  const t = useTranslations("overview.facts");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const info = useQuery(trpc.tenant.get.queryOptions({ tenantId: tenant.tenantId }));

  const rows: [string, React.ReactNode][] = info.data
    ? [
        [
          t("slug"),
          <code key="s" className="font-mono text-[13px]">
            {info.data.slug}
          </code>,
        ],
        [t("timezone"), info.data.timezone],
        [t("language"), LANGUAGE_NAMES[info.data.language] ?? info.data.language],
        [t("role"), <RoleBadge key="r" role={tenant.role} />],
        [t("created"), format.dateTime(info.data.createdAt, { dateStyle: "medium" })],
      ]
    : [];
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {info.isError ? (
          <QueryError error={info.error} onRetry={() => info.refetch()} />
        ) : info.isPending ? (
          <div className="grid gap-3" aria-busy>
            {[0, 1, 2, 3, 4].map((i) => (
              <Skeleton key={i} className="h-5" />
            ))}
          </div>
        ) : (
          <dl className="grid gap-3">
            {rows.map(([k, val]) => (
              <div key={k} className="flex items-center justify-between gap-4">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 truncate text-right">{val}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
