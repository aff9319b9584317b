"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import type { TRule, TRuleType } from "./rule-utils";

/** Saves a card's config into its row: updates it, creates one (named `name`), or deletes it (null). */
export function useRuleSave(type: TRuleType, rule: TRule | undefined, name: string) {
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries(trpc.rules.list.queryFilter());
  const create = useMutation(trpc.rules.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.rules.update.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.rules.delete.mutationOptions({ onSuccess }));
  async function save(config: Record<string, unknown> | null) {
    const tenantId = tenant.tenantId;
    if (config === null) {
      if (rule) await remove.mutateAsync({ tenantId, ruleId: rule.id });
    } else if (rule) {
      await update.mutateAsync({ tenantId, ruleId: rule.id, config, enabled: true });
    } else {
      await create.mutateAsync({ tenantId, type, name, config });
    }
  }
  return { save, pending: create.isPending || update.isPending || remove.isPending };
}
