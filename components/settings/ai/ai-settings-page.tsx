"use client";

import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { ProviderChainCard } from "./provider-chain-card";

export function AiSettingsPage() {
  const tenant = useTenant();
  if (!tenant.can("providers.manage")) return <NoPermission />;
  return <AiSettings />;
}

function AiSettings() {
  const t = useTranslations("aiSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const providers = useQuery(trpc.aiProviders.list.queryOptions({ tenantId: tenant.tenantId }));
  return (
    <div className="grid gap-6">
      <p className="flex gap-2 text-[13px] text-muted-foreground">
        <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        {t("intro")}
      </p>
      <ProviderChainCard purpose="CHAT" query={providers} />
      <ProviderChainCard purpose="EMBEDDING" query={providers} />
    </div>
  );
}
