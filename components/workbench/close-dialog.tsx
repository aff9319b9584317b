"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
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
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { OUTCOMES } from "./types";
import { useInvalidateConversation } from "./use-invalidate-conversation";

type TOutcome = (typeof OUTCOMES)[number];

/** Closes with an outcome (for the statistics) and, optionally, asks the customer for a 1–5 rating. */
export function CloseDialog({ conversationId, onDone }: { conversationId: string; onDone: () => void }) {
  const t = useTranslations("workbench.close");
  const w = useTranslations("workbench");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<TOutcome>("RESOLVED");
  const [askRating, setAskRating] = useState(true);
  const close = useMutation(
    trpc.workbench.close.mutationOptions({
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
        if (o) close.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <CircleCheck aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <div className="grid gap-1.5">
          <Label htmlFor="close-outcome">{t("outcome")}</Label>
          <Select value={outcome} onValueChange={(v) => setOutcome(v as TOutcome)}>
            <SelectTrigger id="close-outcome">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {OUTCOMES.map((o) => (
                <SelectItem key={o} value={o}>
                  {w(`outcome.${o}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="flex items-start justify-between gap-4 rounded-lg border p-3">
          <div className="grid gap-0.5">
            <Label htmlFor="close-rating">{t("askRating")}</Label>
            <p id="close-rating-hint" className="text-[13px] text-muted-foreground">
              {t("askRatingHint")}
            </p>
          </div>
          <Switch
            id="close-rating"
            aria-describedby="close-rating-hint"
            checked={askRating}
            onCheckedChange={setAskRating}
          />
        </div>
        {close.isError && (
          <Alert variant="destructive" live>
            {errorText(close.error)}
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{common("cancel")}</Button>
          </DialogClose>
          <Button
            loading={close.isPending}
            onClick={() =>
              close.mutate({
                tenantId: tenant.tenantId,
                conversationId,
                outcome,
                requestSatisfaction: askRating,
              })
            }
          >
            {t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
