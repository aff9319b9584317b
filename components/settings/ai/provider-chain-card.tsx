"use client";

import { useMutation, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { Bot, Boxes, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { ProviderDialog } from "./provider-dialog";
import type { TProvider, TPurpose } from "./provider-kinds";
import { ProviderRow } from "./provider-row";

/** One purpose's chain (chat or embedding) in the order the gateway tries it. */
export function ProviderChainCard({
  purpose,
  query,
}: {
  purpose: TPurpose;
  query: UseQueryResult<TProvider[], unknown>;
}) {
  const t = useTranslations(purpose === "CHAT" ? "aiSettings.chat" : "aiSettings.embedding");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const providers = (query.data ?? []).filter((p) => p.purpose === purpose);
  const reorder = useMutation(
    trpc.aiProviders.reorder.mutationOptions({
      onSettled: () => qc.invalidateQueries(trpc.aiProviders.list.queryFilter()),
      onError: (e) => toast.error(errorText(e)),
    }),
  );

  function move(from: number, to: number) {
    const ids = providers.map((p) => p.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id);
    reorder.mutate({ tenantId: tenant.tenantId, purpose, providerIds: ids });
  }

  const add = (
    <ProviderDialog
      purpose={purpose}
      trigger={
        <Button variant="outline" size="sm">
          <Plus aria-hidden />
          {t("add")}
        </Button>
      }
    />
  );
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-start justify-between gap-4 pb-4">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {add}
      </CardHeader>
      {query.isError ? (
        <div className="px-5 pb-5 sm:px-6">
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        </div>
      ) : query.isPending ? (
        <div className="grid gap-2 px-5 pb-5 sm:px-6" aria-busy>
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ) : providers.length === 0 ? (
        <EmptyState
          icon={purpose === "CHAT" ? Bot : Boxes}
          title={t("empty")}
          description={t("emptyText")}
          className="border-t py-8"
        />
      ) : (
        <ol className="divide-y border-t" aria-label={t("title")}>
          {providers.map((p, i) => (
            <ProviderRow
              key={p.id}
              provider={p}
              index={i}
              count={providers.length}
              onMove={move}
              moving={reorder.isPending}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
