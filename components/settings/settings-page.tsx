"use client";

import { ErpSettingsCard } from "@/components/erp/erp-settings-card";
import { NoPermission } from "@/components/shell/no-permission";
import { useTenant } from "@/components/tenant/tenant-context";
import { ApiKeysSettings } from "./api-keys-settings";
import { DangerZone } from "./danger-zone";
import { GeneralSettings } from "./general-settings";

export function SettingsPage() {
  const tenant = useTenant();
  const canUpdate = tenant.can("tenant.update");
  const canKeys = tenant.can("apikeys.manage");
  if (!canUpdate && !canKeys) return <NoPermission />;
  // the heading and the sub-navigation come from the settings layout (settings-shell.tsx)
  return (
    <div className="grid gap-6">
      {canUpdate && <GeneralSettings />}
      {canKeys && <ApiKeysSettings />}
      <ErpSettingsCard />
      <DangerZone />
    </div>
  );
}
