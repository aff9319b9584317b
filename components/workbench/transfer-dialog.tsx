"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowRightLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
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
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { PresenceDot } from "./badges";
import { useInvalidateConversation } from "./use-invalidate-conversation";

/** Offers the conversation to a colleague, who accepts or declines; I keep it until they accept. */
export function TransferDialog({ conversationId }: { conversationId: string }) {
  const t = useTranslations("workbench.transfer");
  const w = useTranslations("workbench");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const refresh = useInvalidateConversation(conversationId);
  const [open, setOpen] = useState(false);
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const agents = useQuery({
    ...trpc.workbench.agents.queryOptions({ tenantId: tenant.tenantId }),
    enabled: open,
  });
  const me = useQuery(trpc.workbench.me.queryOptions({ tenantId: tenant.tenantId }));
  const others = (agents.data ?? []).filter((a) => a.userId !== me.data?.userId);
  const transfer = useMutation(
    trpc.workbench.transfer.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success(t("sent"));
        await refresh();
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          transfer.reset();
          setToUserId(null);
          setNote("");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <ArrowRightLeft aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {agents.isError ? (
          <QueryError error={agents.error} onRetry={() => agents.refetch()} />
        ) : agents.isPending ? (
          <div className="grid gap-2" aria-busy="true">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : others.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noAgents")}</p>
        ) : (
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">{t("to")}</legend>
            {others.map((a) => {
              const full = a.active >= a.maxConcurrent;
              return (
                <label
                  key={a.userId}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded-lg border p-2.5 has-[:checked]:border-primary has-[:checked]:bg-primary-soft/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    full && "cursor-not-allowed opacity-60",
                  )}
                >
                  <input
                    type="radio"
                    name="transfer-to"
                    value={a.userId}
                    checked={toUserId === a.userId}
                    disabled={full}
                    onChange={() => setToUserId(a.userId)}
                    className="size-4 accent-[var(--primary)]"
                  />
                  <span className="grid min-w-0 flex-1">
                    <span className="truncate text-sm font-medium">{a.name}</span>
                    <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
                      <PresenceDot presence={a.presence} />
                      {w(`presence.${a.presence}`)}
                      <span aria-hidden>·</span>
                      {w("load", { active: a.active, max: a.maxConcurrent })}
                      {full && <span>· {t("full")}</span>}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        )}
        <div className="grid gap-1.5">
          <Label htmlFor="transfer-note">{t("note")}</Label>
          <Textarea
            id="transfer-note"
            value={note}
            maxLength={500}
            placeholder={t("notePlaceholder")}
            onChange={(e) => setNote(e.target.value)}
            className="min-h-16"
          />
        </div>
        {transfer.isError && (
          <Alert variant="destructive" live>
            {errorText(transfer.error)}
          </Alert>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{common("cancel")}</Button>
          </DialogClose>
          <Button
            disabled={!toUserId}
            loading={transfer.isPending}
            onClick={() =>
              toUserId &&
              transfer.mutate({
                tenantId: tenant.tenantId,
                conversationId,
                toUserId,
                ...(note.trim() ? { note: note.trim() } : {}),
              })
            }
          >
            {t("submit")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
