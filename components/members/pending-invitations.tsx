"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Mail } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { RoleBadge } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";

export function PendingInvitations() {
  const t = useTranslations("members.pending");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const list = useQuery(trpc.invitations.list.queryOptions({ tenantId: tenant.tenantId }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(t("revoked"));
        return qc.invalidateQueries(trpc.invitations.list.queryFilter());
      },
      onError: (e) => toast.error(errorText(e)),
    }),
  );

  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {list.isError ? (
        <div className="px-5 pb-5 sm:px-6">
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        </div>
      ) : list.isPending ? (
        <div className="grid gap-2 px-5 pb-5 sm:px-6" aria-busy>
          <Skeleton className="h-10" />
        </div>
      ) : list.data.length === 0 ? (
        <EmptyState icon={Mail} title={t("empty")} className="border-t py-8" />
      ) : (
        <ul className="divide-y border-t">
          {list.data.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-6">
              <div className="grid min-w-0 flex-1 leading-tight">
                <span className="truncate font-medium">{inv.email}</span>
                <span className="text-[13px] text-muted-foreground">
                  {t("expires", { date: format.dateTime(inv.expiresAt, { dateStyle: "medium" }) })}
                </span>
              </div>
              <RoleBadge role={inv.role} />
              <Button
                variant="outline"
                size="sm"
                loading={revoke.isPending && revoke.variables?.invitationId === inv.id}
                onClick={() => revoke.mutate({ tenantId: tenant.tenantId, invitationId: inv.id })}
                aria-label={t("revokeFor", { email: inv.email })}
              >
                {t("revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
