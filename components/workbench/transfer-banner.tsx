"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowRightLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { TPendingTransfer } from "./types";
import { useInvalidateConversation } from "./use-invalidate-conversation";

/** A colleague offers me this conversation: accept (it becomes mine) or decline (it stays theirs). */
export function TransferBanner({
  conversationId,
  transfer,
  onNotice,
}: {
  conversationId: string;
  transfer: TPendingTransfer;
  onNotice: (text: string | null) => void;
}) {
  const t = useTranslations("workbench.transfer");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const respond = useMutation(
    trpc.workbench.respondTransfer.mutationOptions({
      onSuccess: async (result, input) => {
        if (result.ok) {
          onNotice(null);
          toast.success(input.accept ? t("accepted") : t("declined"));
        } else onNotice(t(`respondFailed.${result.reason}`));
        await refresh();
      },
      onError: (e) => onNotice(errorText(e)),
    }),
  );
  const answer = (accept: boolean) =>
    respond.mutate({ tenantId: tenant.tenantId, transferId: transfer.id, accept });
  return (
    <div
      role="region"
      aria-label={t("bannerLabel")}
      className="mx-3 mt-2 flex flex-wrap items-center gap-3 rounded-lg border border-primary/30 bg-primary-soft px-3 py-2.5 text-[13px] text-primary-soft-foreground"
    >
      <ArrowRightLeft className="size-4 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1">
        <span className="font-medium">{t("offer", { name: transfer.fromName })}</span>
        {transfer.note && <span className="block break-words text-foreground/80">“{transfer.note}”</span>}
      </p>
      <div className="flex gap-2">
        <Button
          size="sm"
          loading={respond.isPending && respond.variables?.accept === true}
          disabled={respond.isPending}
          onClick={() => answer(true)}
        >
          {t("accept")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          loading={respond.isPending && respond.variables?.accept === false}
          disabled={respond.isPending}
          onClick={() => answer(false)}
        >
          {t("decline")}
        </Button>
      </div>
    </div>
  );
}
