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
import { ErpFormFields } from "./erp-form-fields";
import { checkValues, payloadOf, valuesOf, type TField, type TValues } from "./erp-form-values";
import type { TErpConnection } from "./types";

type TErrors = Partial<Record<TField, string>>;

/** Adds an ERP connection, or edits `connection` (credentials are write-only: empty keeps them). */
export function ErpConnectionDialog({
  connection,
  trigger,
}: {
  connection?: TErpConnection;
  trigger: React.ReactNode;
}) {
  const t = useTranslations("erp.form");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<TValues>(() => valuesOf(connection));
  const [errors, setErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries(trpc.erp.list.queryFilter());
  const create = useMutation(trpc.erp.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.erp.update.mutationOptions({ onSuccess: refresh }));

  function onOpenChange(o: boolean) {
    setOpen(o);
    if (o) setValues(valuesOf(connection));
    setErrors({});
    setFormError(null);
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const problems = checkValues(values, Boolean(connection));
    const found: TErrors = {};
    for (const [f, p] of Object.entries(problems))
      found[f as TField] = p === "required" ? v("required") : t(`problems.${p}`);
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`erp-${first}`)?.focus();
    const payload = payloadOf(values);
    try {
      if (connection) {
        await update.mutateAsync({
          tenantId: tenant.tenantId,
          connectionId: connection.id,
          connection: payload,
        });
        toast.success(t("saved"));
      } else {
        const { credentials, ...rest } = payload;
        await create.mutateAsync({
          tenantId: tenant.tenantId,
          connection: { ...rest, credentials: credentials! },
        });
        toast.success(t("created"));
      }
      setOpen(false);
    } catch (err) {
      const p = parseError(err);
      const baseUrl = fieldError(err, "baseUrl");
      // the server names the configuration's bad keys ("config.customers.path: must start with /")
      if (p.code === "BAD_REQUEST" && values.kind === "GENERIC_REST" && /config/.test(p.message)) {
        setErrors({ configJson: p.message });
        document.getElementById("erp-configJson")?.focus();
      } else if (baseUrl) {
        setErrors({ baseUrl });
        document.getElementById("erp-baseUrl")?.focus();
      } else setFormError(p.code === "BAD_REQUEST" ? p.message : errorText(err));
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")} className="max-h-[92dvh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{connection ? t("editTitle") : t("addTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form
          onSubmit={onSubmit}
          className="grid gap-4"
          noValidate
          aria-label={connection ? t("editTitle") : t("addTitle")}
        >
          <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
          <ErpFormFields
            editing={Boolean(connection)}
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
              {connection ? common("save") : t("submitCreate")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
