"use client";

import { useTranslations } from "next-intl";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { AgentDownload } from "./agent-download";
import { DevicesList } from "./devices-list";
import { PairDeviceDialog } from "./pair-device-dialog";

export function DevicesPage() {
  const t = useTranslations("devices");
  const tenant = useTenant();
  if (!tenant.can("devices.manage")) return <NoPermission />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<PairDeviceDialog />} />
      <div className="grid gap-6">
        <DevicesList />
        <AgentDownload />
      </div>
    </>
  );
}
