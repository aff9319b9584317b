"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LoadMore } from "@/components/common/load-more";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { AuditFilter } from "./audit-filter";
import { AuditTable } from "./audit-table";

const PAGE_SIZE = 30;

export function AuditPage() {
  const t = useTranslations("audit");
  const tenant = useTenant();
  if (!tenant.can("audit.read")) return <NoPermission />;
  return <AuditLog key={tenant.tenantId} title={t("title")} description={t("description")} />;
}

function AuditLog({ title, description }: { title: string; description: string }) {
  const t = useTranslations("audit");
  const tenant = useTenant();
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { tenantId: tenant.tenantId, limit: PAGE_SIZE, ...(action ? { action } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={<AuditFilter value={action} onChange={setAction} />}
      />
      {log.isError ? (
        <QueryError error={log.error} onRetry={() => log.refetch()} />
      ) : log.isPending ? (
        <Card className="grid gap-3 p-5" aria-busy>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-8" />
          ))}
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState icon={ScrollText} title={action ? t("emptyFiltered") : t("empty")} />
        </Card>
      ) : (
        <>
          <Card className="overflow-hidden">
            <AuditTable items={items} />
          </Card>
          <LoadMore
            className="mt-4"
            pages={log}
            label={t("loadMore")}
            end={t("end", { count: items.length })}
          />
        </>
      )}
    </>
  );
}
