"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import type { TRole } from "@/components/tenant/role-badge";
import { useTenant } from "@/components/tenant/tenant-context";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

// Mirrors server/services/members/set-capacity.ts: the roles that take conversations, and the range.
const WORKBENCH_ROLES: readonly TRole[] = ["OWNER", "ADMIN", "AGENT"];
const MIN = 1;
const MAX = 50;

export const takesConversations = (role: TRole) => WORKBENCH_ROLES.includes(role);

/**
 * How many conversations a member may hold at once. Admins edit it in place (saved on Enter or when
 * the field loses focus); others see the number. Roles that cannot use the workbench show a dash.
 */
export function CapacityCell({
  member,
}: {
  member: { userId: string; name: string; role: TRole; maxConcurrent: number };
}) {
  const tenant = useTenant();
  if (!takesConversations(member.role))
    return (
      <span className="text-muted-foreground" aria-hidden>
        —
      </span>
    );
  if (!tenant.can("members.manage")) return <span className="tabular-nums">{member.maxConcurrent}</span>;
  return <CapacityInput key={member.maxConcurrent} member={member} />;
}

function CapacityInput({ member }: { member: { userId: string; name: string; maxConcurrent: number } }) {
  const t = useTranslations("supportSettings.capacity");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState(String(member.maxConcurrent));
  const save = useMutation(
    trpc.members.setCapacity.mutationOptions({
      onSuccess: () => {
        toast.success(t("saved"));
        return qc.invalidateQueries(trpc.members.list.queryFilter());
      },
      onError: (e) => {
        toast.error(errorText(e));
        setValue(String(member.maxConcurrent));
      },
    }),
  );

  function commit() {
    const text = value.trim();
    // Enter and the blur that may follow must not save twice
    if (save.isPending || text === String(member.maxConcurrent)) return;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= MIN && n <= MAX)) {
      toast.error(t("range"));
      setValue(String(member.maxConcurrent));
      return;
    }
    save.mutate({ tenantId: tenant.tenantId, userId: member.userId, maxConcurrent: n });
  }

  return (
    <Input
      type="number"
      inputMode="numeric"
      min={MIN}
      max={MAX}
      step={1}
      value={value}
      aria-busy={save.isPending || undefined}
      aria-label={t("label", { name: member.name })}
      title={t("hint")}
      className="h-8 w-20 tabular-nums"
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
