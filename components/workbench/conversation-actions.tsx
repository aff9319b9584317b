"use client";

import { useMutation } from "@tanstack/react-query";
import { Hand } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { CloseDialog } from "./close-dialog";
import { ReleaseDialog } from "./release-dialog";
import { TransferDialog } from "./transfer-dialog";
import type { TConversation } from "./types";
import { useInvalidateConversation } from "./use-invalidate-conversation";

// Who may do what mirrors the server (which decides): take over from BOT / PENDING_HUMAN / TICKET;
// the assignee transfers; the assignee or a supervisor releases and closes a HUMAN conversation;
// anyone in the workbench closes one nobody holds.

export function ConversationActions({
  conversation: c,
  mine,
  onNotice,
  onTakenOver,
}: {
  conversation: TConversation;
  mine: boolean;
  onNotice: (text: string | null) => void;
  onTakenOver: () => void;
}) {
  const tenant = useTenant();
  const supervisor = tenant.can("members.manage");
  const open = c.status === "BOT" || c.status === "PENDING_HUMAN" || c.status === "TICKET";
  const canRelease = c.status === "HUMAN" && (mine || supervisor);
  const canClose = open || canRelease;
  if (!open && !mine && !canRelease) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {open && <TakeOverButton conversationId={c.id} onNotice={onNotice} onTakenOver={onTakenOver} />}
      {mine && <TransferDialog conversationId={c.id} />}
      {canRelease && <ReleaseDialog conversationId={c.id} onDone={() => onNotice(null)} />}
      {canClose && <CloseDialog conversationId={c.id} onDone={() => onNotice(null)} />}
    </div>
  );
}

function TakeOverButton({
  conversationId,
  onNotice,
  onTakenOver,
}: {
  conversationId: string;
  onNotice: (text: string | null) => void;
  onTakenOver: () => void;
}) {
  const t = useTranslations("workbench.takeOver");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const takeOver = useMutation(
    trpc.workbench.takeOver.mutationOptions({
      onSuccess: async (result) => {
        if (result.ok) {
          onNotice(null);
          onTakenOver();
        } else if (result.reason === "already_taken") {
          onNotice(
            result.assigneeName ? t("alreadyTakenBy", { name: result.assigneeName }) : t("alreadyTaken"),
          );
        } else {
          onNotice(t(result.reason));
        }
        await refresh();
      },
      onError: (e) => onNotice(errorText(e)),
    }),
  );
  return (
    <Button
      size="sm"
      loading={takeOver.isPending}
      onClick={() => takeOver.mutate({ tenantId: tenant.tenantId, conversationId })}
    >
      <Hand aria-hidden />
      {t("button")}
    </Button>
  );
}
