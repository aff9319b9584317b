"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { Skeleton } from "@/components/ui/skeleton";
import { CannedRepliesCard } from "./canned-replies-card";
import { LifecycleCard } from "./lifecycle-card";
import { NotificationEmailCard } from "./notification-email-card";
import { SlaCard } from "./sla-card";
import { VipCard } from "./vip-card";

// The support settings: SLA, notification address and VIP routing (tenant.update), canned replies
// (rules.manage). The heading and the sub-navigation come from the settings layout.
export function SupportSettingsPage() {
  const tenant = useTenant();
  const canSettings = tenant.can("tenant.update");
  const canCanned = tenant.can("rules.manage");
  if (!canSettings && !canCanned) return <NoPermission />;
  return (
    <div className="grid gap-6">
      {canSettings && <EscalationSettings />}
      {canSettings && <LifecycleCard />}
      {canCanned && <CannedRepliesCard />}
    </div>
  );
}

function EscalationSettings() {
  const t = useTranslations("supportSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const settings = useQuery(trpc.supportSettings.get.queryOptions({ tenantId: tenant.tenantId }));
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;
  if (settings.isPending)
    return (
      <div className="grid gap-6" aria-busy aria-label={t("loading")}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-40 rounded-xl" />
        ))}
      </div>
    );
  // each form is keyed by its stored value: a save resets that form only, never another card's edits
  const { sla, vipDirectToHuman, notificationEmail } = settings.data;
  return (
    <>
      <SlaCard key={JSON.stringify(sla)} initial={sla} />
      <VipCard initial={vipDirectToHuman} />
      <NotificationEmailCard key={notificationEmail ?? ""} initial={notificationEmail} />
    </>
  );
}
