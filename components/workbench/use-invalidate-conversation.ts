"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";

/** After an action on a conversation: reload it, the lists and counts (the live event may come later). */
export function useInvalidateConversation(conversationId: string) {
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        qc.invalidateQueries(
          trpc.workbench.conversation.queryFilter({ tenantId: tenant.tenantId, conversationId }),
        ),
        qc.invalidateQueries(trpc.workbench.inbox.pathFilter()),
        qc.invalidateQueries(trpc.workbench.counts.pathFilter()),
        qc.invalidateQueries(trpc.workbench.me.pathFilter()),
      ]),
    [qc, trpc, tenant.tenantId, conversationId],
  );
}
