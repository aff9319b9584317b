"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EMAIL_RE } from "@/components/auth/validate";
import { fieldError, parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import type { TRole } from "@/components/tenant/role-badge";
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
import { InviteResult } from "./invite-result";
import { grantableRoles } from "./member-rules";
import { RoleSelect } from "./role-select";
import { LiveRegion } from "@/components/ui/live-region";

type TResult = { email: string; link: string; emailQueued: boolean };

export function InviteDialog() {
  const t = useTranslations("members.invite");
  const common = useTranslations("common");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Exclude<TRole, "OWNER">>("AGENT");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [result, setResult] = useState<TResult | null>(null);
  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.invitations.list.queryFilter()),
    }),
  );

  function reset() {
    setEmail("");
    setRole("AGENT");
    setEmailError(null);
    setResult(null);
    create.reset();
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!EMAIL_RE.test(email.trim())) return setEmailError(v("email"));
    setEmailError(null);
    try {
      const res = await create.mutateAsync({ tenantId: tenant.tenantId, email: email.trim(), role });
      setResult({ email: email.trim(), link: res.link, emailQueued: res.emailQueued });
    } catch (err) {
      const p = parseError(err);
      if (p.code === "CONFLICT" && p.field === "email") setEmailError(t("alreadyMember"));
      else if (fieldError(err, "email")) setEmailError(v("email"));
    }
  }

  const formError =
    create.isError && !emailError ? errorText(create.error, { FORBIDDEN: t("forbidden") }) : null;
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), o || reset())}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          {t("trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{result ? t("doneTitle") : t("title")}</DialogTitle>
          <DialogDescription>
            {result ? t("doneText", { email: result.email }) : t("description", { tenant: tenant.name })}
          </DialogDescription>
        </DialogHeader>
        {result ? (
          <>
            <InviteResult {...result} />
            <DialogFooter>
              <Button variant="outline" onClick={reset}>
                {t("another")}
              </Button>
              <DialogClose asChild>
                <Button>{common("done")}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
            <Field id="invite-email" label={t("email")} error={emailError}>
              <Input
                {...fieldProps("invite-email", emailError)}
                type="email"
                inputMode="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                placeholder="colleague@company.com"
              />
            </Field>
            <Field id="invite-role" label={t("role")}>
              <RoleSelect
                id="invite-role"
                value={role}
                roles={grantableRoles(tenant.role)}
                onChange={(r) => setRole(r as typeof role)}
              />
            </Field>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" type="button">
                  {common("cancel")}
                </Button>
              </DialogClose>
              <Button type="submit" loading={create.isPending}>
                {t("submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
