"use client";

import { useMutation } from "@tanstack/react-query";
import { Hourglass } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { TPendingTransfer } from "./types";
import { useInvalidateConversation } from "./use-invalidate-conversation";

/** My transfer request waiting for the colleague's answer, with a way to take it back. */
export function OutgoingTransfer({
  conversationId,
  transfer,
}: {
  conversationId: string;
  transfer: TPendingTransfer;
}) {
  const t = useTranslations("workbench.transfer");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const cancel = useMutation(
    trpc.workbench.cancelTransfer.mutationOptions({
      onSuccess: () => refresh(),
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  return (
    <p className="flex flex-wrap items-center gap-2 text-[13px] text-muted-foreground" role="status">
      <Hourglass className="size-3.5" aria-hidden />
      {t("waitingFor", { name: transfer.toName })}
      <Button
        variant="link"
        size="sm"
        loading={cancel.isPending}
        onClick={() => cancel.mutate({ tenantId: tenant.tenantId, transferId: transfer.id })}
      >
        {t("cancel")}
      </Button>
    </p>
  );
}
