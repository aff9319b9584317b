"use client";

import { useTranslations } from "next-intl";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { ApiKeysSettings } from "./api-keys-settings";
import { DangerZone } from "./danger-zone";
import { GeneralSettings } from "./general-settings";

export function SettingsPage() {
  const t = useTranslations("settings");
  const tenant = useTenant();
  const canUpdate = tenant.can("tenant.update");
  const canKeys = tenant.can("apikeys.manage");
  if (!canUpdate && !canKeys) return <NoPermission />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        {canUpdate && <GeneralSettings />}
        {canKeys && <ApiKeysSettings />}
        <DangerZone />
      </div>
    </>
  );
}
