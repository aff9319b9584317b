"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { QueryError } from "@/components/common/query-error";
import { useTRPC } from "@/components/providers/trpc";
import { RoleBadge, type TRole } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CapacityCell, takesConversations } from "./capacity-cell";
import { grantableRoles, mayManage } from "./member-rules";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { RoleSelect } from "./role-select";
import { useMemberActions } from "./use-member-actions";

type TMember = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: TRole;
  maxConcurrent: number;
  joinedAt: Date;
  lastLoginAt: Date | null;
};

export function MembersList() {
  const t = useTranslations("members");
  const c = useTranslations("supportSettings.capacity");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 }); // relative times need a reference "now"
  const tenant = useTenant();
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions({ tenantId: tenant.tenantId }));
  const { changeRole, remove } = useMemberActions();

  if (members.isError) return <QueryError error={members.error} onRetry={() => members.refetch()} />;
  if (members.isPending || me.isPending) return <MembersSkeleton />;
  if (members.data.length === 0)
    return (
      <Card>
        <EmptyState icon={Users} title={t("empty")} />
      </Card>
    );

  const self = { userId: me.data?.user.id ?? "", role: tenant.role, canManage: tenant.can("members.manage") };
  const roles = grantableRoles(tenant.role);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const lastSeen = (d: Date | null) => (d ? format.relativeTime(d, now) : t("never"));

  const roleCell = (m: TMember) =>
    mayManage(self, m) ? (
      <RoleSelect
        value={m.role}
        roles={roles}
        className="h-8 w-36"
        ariaLabel={t("roleFor", { name: m.name })}
        disabled={changeRole.isPending && changeRole.variables?.membershipId === m.id}
        onChange={(role) => changeRole.mutate({ tenantId: tenant.tenantId, membershipId: m.id, role })}
      />
    ) : (
      <RoleBadge role={m.role} />
    );
  const removeCell = (m: TMember) =>
    mayManage(self, m) ? (
      <RemoveMemberDialog
        name={m.name}
        tenantName={tenant.name}
        onConfirm={() => remove.mutateAsync({ tenantId: tenant.tenantId, membershipId: m.id })}
      />
    ) : null;
  const who = (m: TMember) => (
    <div className="flex min-w-0 items-center gap-3">
      <Avatar name={m.name} />
      <div className="grid min-w-0 leading-tight">
        <span className="flex items-center gap-1.5 truncate font-medium">
          {m.name}
          {m.userId === self.userId && <Badge variant="secondary">{t("you")}</Badge>}
        </span>
        <span className="truncate text-[13px] text-muted-foreground">{m.email}</span>
      </div>
    </div>
  );

  return (
    <Card className="overflow-hidden">
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t("columns.member")}</TableHead>
              <TableHead>{t("columns.role")}</TableHead>
              <TableHead className="whitespace-nowrap">{c("column")}</TableHead>
              <TableHead>{t("columns.joined")}</TableHead>
              <TableHead>{t("columns.lastSignIn")}</TableHead>
              <TableHead className="w-12">
                <span className="sr-only">{t("columns.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.data.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="max-w-72">{who(m)}</TableCell>
                <TableCell>{roleCell(m)}</TableCell>
                <TableCell>
                  <CapacityCell member={m} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{date(m.joinedAt)}</TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">
                  {lastSeen(m.lastLoginAt)}
                </TableCell>
                <TableCell className="text-right">{removeCell(m)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="divide-y md:hidden">
        {members.data.map((m) => (
          <li key={m.id} className="grid gap-3 p-4">
            <div className="flex items-start justify-between gap-2">
              {who(m)}
              {removeCell(m)}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              {roleCell(m)}
              {takesConversations(m.role) && (
                <span className="flex items-center gap-2 text-xs text-muted-foreground">
                  <span>{c("column")}</span>
                  <CapacityCell member={m} />
                </span>
              )}
              <span className="text-xs text-muted-foreground">
                {t("joinedOn", { date: date(m.joinedAt) })} ·{" "}
                {t("lastSeen", { when: lastSeen(m.lastLoginAt) })}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function MembersSkeleton() {
  return (
    <Card className="grid gap-4 p-5" aria-busy>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-56" />
          </div>
          <Skeleton className="hidden h-8 w-28 sm:block" />
        </div>
      ))}
    </Card>
  );
}
