"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CopyButton } from "@/components/common/copy-button";
import { fieldError } from "@/components/common/trpc-error";
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
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Names a key, creates it and shows the secret exactly once (only its hash is stored). */
export function CreateApiKeyDialog() {
  const t = useTranslations("settings.apiKeys");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.apiKeys.list.queryFilter()),
    }),
  );

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(v("required"));
    setError(null);
    try {
      const res = await create.mutateAsync({ tenantId: tenant.tenantId, name: name.trim() });
      setKey(res.key);
    } catch (err) {
      setError(fieldError(err, "name") ?? errorText(err));
    }
  }

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (!o) {
      setName("");
      setKey(null);
      setError(null);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Plus aria-hidden />
          {t("create")}
        </Button>
      </DialogTrigger>
      {/* once the key is shown, an outside click must not throw it away by accident */}
      <DialogContent closeLabel={common("close")} onInteractOutside={(e) => key && e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{key ? t("createdTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{key ? t("createdText") : t("createText")}</DialogDescription>
        </DialogHeader>
        {key ? (
          <>
            <Alert variant="warning" live title={t("onceTitle")}>
              {t("onceText")}
            </Alert>
            <div className="flex gap-2">
              <Input
                readOnly
                value={key}
                aria-label={t("keyLabel")}
                className="font-mono text-[13px]"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={key} />
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button>{t("savedIt")}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <Field id="api-key-name" label={t("name")} error={error} hint={t("nameHint")}>
              <Input
                {...fieldProps("api-key-name", error, true)}
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={60}
              />
            </Field>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  {common("cancel")}
                </Button>
              </DialogClose>
              <Button type="submit" loading={create.isPending}>
                {t("createSubmit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
