"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { toast } from "@/components/ui/toast";

/** Role change and removal, with the server's refusals (owner, self, admins) explained in a toast. */
export function useMemberActions() {
  const t = useTranslations("members");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const refresh = () => qc.invalidateQueries(trpc.members.list.queryFilter());
  const onError = (e: unknown) => toast.error(errorText(e, { FORBIDDEN: t("forbidden") }));

  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: () => {
        toast.success(t("roleChanged"));
        return refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        toast.success(t("removed"));
        return refresh();
      },
      onError,
    }),
  );
  return { changeRole, remove, tenantId: tenant.tenantId };
}
