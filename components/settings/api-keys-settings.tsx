"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

export function ApiKeysSettings() {
  const t = useTranslations("settings.apiKeys");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ tenantId: tenant.tenantId }));
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(t("revoked"));
        return qc.invalidateQueries(trpc.apiKeys.list.queryFilter());
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <Card id="api-keys" className="scroll-mt-20 overflow-hidden">
      <CardHeader className="flex-row items-start justify-between gap-4 pb-4">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <CreateApiKeyDialog />
      </CardHeader>
      {keys.isError ? (
        <div className="px-5 pb-5 sm:px-6">
          <QueryError error={keys.error} onRetry={() => keys.refetch()} />
        </div>
      ) : keys.isPending ? (
        <div className="grid gap-2 px-5 pb-5 sm:px-6" aria-busy>
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : keys.data.length === 0 ? (
        <EmptyState
          icon={KeyRound}
          title={t("empty")}
          description={t("emptyText")}
          className="border-t py-8"
        />
      ) : (
        <ul className="divide-y border-t">
          {keys.data.map((k) => (
            <li
              key={k.id}
              className={cn(
                "flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-6",
                k.revokedAt && "opacity-70",
              )}
            >
              <div className="grid min-w-0 flex-1 gap-0.5">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{k.name}</span>
                  <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">
                    {k.prefix}…
                  </code>
                  {k.revokedAt ? (
                    <Badge variant="destructive">{t("revokedBadge")}</Badge>
                  ) : (
                    <Badge variant="success">{t("active")}</Badge>
                  )}
                </span>
                <span className="text-[13px] text-muted-foreground">
                  {t("meta", {
                    created: date(k.createdAt),
                    used: k.lastUsedAt ? format.relativeTime(k.lastUsedAt, now) : t("neverUsed"),
                  })}
                </span>
              </div>
              {!k.revokedAt && (
                <ConfirmDialog
                  trigger={
                    <Button variant="outline" size="sm" aria-label={t("revokeFor", { name: k.name })}>
                      {t("revoke")}
                    </Button>
                  }
                  title={t("revokeTitle", { name: k.name })}
                  description={t("revokeText")}
                  confirmLabel={t("revoke")}
                  onConfirm={() => revoke.mutateAsync({ tenantId: tenant.tenantId, apiKeyId: k.id })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
