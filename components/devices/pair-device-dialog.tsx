"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MonitorSmartphone, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CopyButton } from "@/components/common/copy-button";
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
import { Skeleton } from "@/components/ui/skeleton";

/** Creates a pairing code and shows it with a countdown and the command to run on the Windows PC. */
export function PairDeviceDialog() {
  const t = useTranslations("devices.pair");
  const common = useTranslations("common");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const create = useMutation(trpc.devices.createPairingCode.mutationOptions());
  const { mutate } = create;

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [open]);

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) {
      setNow(Date.now());
      mutate({ tenantId: tenant.tenantId });
    } else {
      create.reset();
      void qc.invalidateQueries(trpc.devices.list.queryFilter());
    }
  }

  const code = create.data?.code;
  const left = create.data ? Math.max(0, Math.floor((create.data.expiresAt.getTime() - now) / 1000)) : 0;
  const expired = Boolean(create.data) && left === 0;
  const server = typeof window === "undefined" ? "" : window.location.origin;
  const command = code ? `kefu-agent pair ${server} ${code}` : "";
  const countdown = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">
          <MonitorSmartphone aria-hidden />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {create.isError ? (
          <Alert variant="destructive" live title={t("failed")}>
            {errorText(create.error)}
          </Alert>
        ) : !code ? (
          <div className="grid gap-3" aria-busy>
            <Skeleton className="h-16" />
            <Skeleton className="h-10" />
          </div>
        ) : (
          <div className="grid gap-4 [&>*]:min-w-0">
            <div className="grid justify-items-center gap-1 rounded-lg border bg-muted/40 p-4">
              <span className="text-xs text-muted-foreground">{t("codeLabel")}</span>
              <output
                aria-label={t("codeLabel")}
                className={`font-mono text-3xl font-semibold tracking-[0.3em] ${expired ? "text-muted-foreground line-through" : ""}`}
              >
                {code}
              </output>
              <span className="text-sm text-muted-foreground" aria-live={expired ? "polite" : "off"}>
                {expired ? t("expired") : t("validFor", { time: countdown })}
              </span>
            </div>
            {expired ? (
              <Button
                variant="outline"
                onClick={() => mutate({ tenantId: tenant.tenantId })}
                loading={create.isPending}
              >
                <RefreshCw aria-hidden />
                {t("newCode")}
              </Button>
            ) : (
              <>
                <ol className="grid list-decimal gap-2 pl-5 text-sm [&>li]:min-w-0">
                  <li>{t("step1")}</li>
                  <li>
                    {t("step2")}
                    <div className="mt-2 flex gap-2">
                      <code className="min-w-0 flex-1 rounded-md bg-muted px-3 py-2 font-mono text-[13px] break-all">
                        {command}
                      </code>
                      <CopyButton value={command} label={t("copyCommand")} />
                    </div>
                  </li>
                  <li>{t("step3")}</li>
                </ol>
                <p className="text-xs text-muted-foreground">{t("singleUse")}</p>
              </>
            )}
          </div>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{common("close")}</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
