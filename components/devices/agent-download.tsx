"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The Windows agent's executable, served by /api/agent/download once it has been built. */
export function AgentDownload() {
  const t = useTranslations("devices.download");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const info = useQuery(trpc.devices.downloadInfo.queryOptions({ tenantId: tenant.tenantId }));
  return (
    <Card>
      <CardHeader className="flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        {info.data?.available && (
          <Button asChild size="sm">
            <a href="/api/agent/download" download="kefu-agent.exe">
              <Download aria-hidden />
              {t("button", {
                size: format.number(info.data.sizeBytes / 1024 / 1024, { maximumFractionDigits: 0 }),
              })}
            </a>
          </Button>
        )}
      </CardHeader>
      <div className="px-5 pb-5 sm:px-6">
        {info.isError ? (
          <QueryError error={info.error} onRetry={() => info.refetch()} />
        ) : info.isPending ? (
          <Skeleton className="h-10" />
        ) : info.data.available ? (
          <p className="text-sm text-muted-foreground">{t("requirements")}</p>
        ) : (
          <Alert variant="warning" title={t("missingTitle")}>
            {t.rich("missingText", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
          </Alert>
        )}
      </div>
    </Card>
  );
}
