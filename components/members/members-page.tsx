"use client";

import { useTranslations } from "next-intl";
import { NoPermission } from "@/components/shell/no-permission";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { InviteDialog } from "./invite-dialog";
import { MembersList } from "./members-list";
import { PendingInvitations } from "./pending-invitations";

export function MembersPage() {
  const t = useTranslations("members");
  const tenant = useTenant();
  if (!tenant.can("members.read")) return <NoPermission />;
  const canManage = tenant.can("members.manage");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={canManage ? t("description") : t("descriptionReadOnly")}
        actions={canManage ? <InviteDialog /> : null}
      />
      <div className="grid gap-6">
        <MembersList />
        {canManage && <PendingInvitations />}
      </div>
    </>
  );
}
