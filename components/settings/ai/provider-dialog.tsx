"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError, parseError } from "@/components/common/trpc-error";
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
import { LiveRegion } from "@/components/ui/live-region";
import { toast } from "@/components/ui/toast";
import { ProviderFormFields } from "./provider-form-fields";
import type { TProvider, TPurpose } from "./provider-kinds";
import {
  checkValues,
  payloadOf,
  SERVER_FIELDS,
  type TErrors,
  type TField,
  valuesOf,
} from "./provider-values";

/** Adds a provider to the `purpose` chain, or edits `provider`; the key field is write-only. */
export function ProviderDialog({
  purpose,
  provider,
  trigger,
}: {
  purpose: TPurpose;
  provider?: TProvider;
  trigger: React.ReactNode;
}) {
  const t = useTranslations("aiSettings.form");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => valuesOf(purpose, provider));
  const [errors, setErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries(trpc.aiProviders.list.queryFilter());
  const create = useMutation(trpc.aiProviders.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.aiProviders.update.mutationOptions({ onSuccess: refresh }));

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) setValues(valuesOf(purpose, provider));
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const problems = checkValues(values, purpose);
    const found: TErrors = {};
    for (const [f, p] of Object.entries(problems))
      found[f as TField] = p === "required" ? v("required") : t(`problems.${p}`);
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`provider-${first}`)?.focus();
    const payload = payloadOf(values, purpose);
    const apiKey = values.apiKey.trim() || undefined;
    try {
      if (provider) {
        const before = payloadOf(valuesOf(purpose, provider), purpose);
        const changed = Object.fromEntries(
          Object.entries(payload).filter(([k, val]) => before[k as keyof typeof before] !== val),
        );
        await update.mutateAsync({
          tenantId: tenant.tenantId,
          providerId: provider.id,
          ...changed,
          apiKey,
          clearKey: values.clearKey || undefined,
        });
        toast.success(t("saved"));
      } else {
        await create.mutateAsync({ tenantId: tenant.tenantId, purpose, ...payload, apiKey });
        toast.success(t("created"));
      }
      setOpen(false);
    } catch (err) {
      const server: TErrors = {};
      for (const [name, f] of Object.entries(SERVER_FIELDS)) {
        const message = fieldError(err, name);
        if (message) server[f] = message;
      }
      setErrors(server);
      if (!Object.keys(server).length)
        setFormError(parseError(err).code === "BAD_REQUEST" ? parseError(err).message : errorText(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>
            {provider ? t("editTitle") : t(purpose === "CHAT" ? "addChat" : "addEmbedding")}
          </DialogTitle>
          <DialogDescription>{t(purpose === "CHAT" ? "chatText" : "embeddingText")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <ProviderFormFields
            purpose={purpose}
            provider={provider}
            values={values}
            errors={errors}
            onChange={(patch) => setValues((x) => ({ ...x, ...patch }))}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {common("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {provider ? common("save") : t("submitCreate")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
