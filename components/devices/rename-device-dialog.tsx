"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

export function RenameDeviceDialog({ deviceId, name }: { deviceId: string; name: string }) {
  const t = useTranslations("devices");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation(
    trpc.devices.rename.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.devices.list.queryFilter()),
    }),
  );

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!value.trim()) return setError(v("required"));
    try {
      await rename.mutateAsync({ tenantId: tenant.tenantId, deviceId, name: value.trim() });
      toast.success(t("renamed"));
      setOpen(false);
    } catch (err) {
      setError(fieldError(err, "name") ?? errorText(err));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setValue(name);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("renameFor", { name })}>
          {t("rename")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("renameTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <Field id={`device-name-${deviceId}`} label={t("name")} error={error}>
            <Input
              {...fieldProps(`device-name-${deviceId}`, error, true)}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={100}
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={rename.isPending}>
              {common("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
