"use client";

import { useMutation } from "@tanstack/react-query";
import { Bot } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { useInvalidateConversation } from "./use-invalidate-conversation";

/** Hands the conversation back to the bot (the customer reads "已为您转回智能助手"). */
export function ReleaseDialog({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const t = useTranslations("workbench.release");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const [open, setOpen] = useState(false);
  const release = useMutation(
    trpc.workbench.release.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success(t("done"));
        onDone();
        await refresh();
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) release.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Bot aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {release.isError && (
          <Alert variant="destructive" live>
            {errorText(release.error)}
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{common("cancel")}</Button>
          </DialogClose>
          <Button
            loading={release.isPending}
            onClick={() => release.mutate({ tenantId: tenant.tenantId, conversationId })}
          >
            {t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
