"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PasswordInput } from "@/components/auth/password-input";
import { MIN_PASSWORD } from "@/components/auth/validate";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LiveRegion } from "@/components/ui/live-region";

/** No account yet for the invited email: create one (name + password) and join in one step. */
export function InviteNewUserForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const a = useTranslations("auth");
  const v = useTranslations("validation");
  const router = useRouter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const accept = useMutation(trpc.invitations.acceptAsNewUser.mutationOptions());

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local = {
      name: name.trim() ? undefined : v("required"),
      password: password.length >= MIN_PASSWORD ? undefined : v("passwordMin", { min: MIN_PASSWORD }),
    };
    setErrors(local);
    if (local.name || local.password) return;
    try {
      const joined = await accept.mutateAsync({ token, name: name.trim(), password });
      setSigningIn(true);
      const res = await signIn("credentials", { email: joined.email, password, redirect: false });
      if (!res || res.error)
        return router.push(`/login?callbackUrl=${encodeURIComponent(`/t/${joined.slug}`)}`);
      router.replace(`/t/${joined.slug}`);
      router.refresh();
    } catch (err) {
      const fields = {
        name: fieldError(err, "name") ?? undefined,
        password: fieldError(err, "password") ?? undefined,
      };
      setErrors(fields);
      if (!fields.name && !fields.password) setFormError(errorText(err, { CONFLICT: t("accountExists") }));
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
      <Field id="invite-email" label={a("email")} hint={t("emailFixed")}>
        <Input
          {...fieldProps("invite-email", null, true)}
          value={email}
          readOnly
          className="bg-muted text-muted-foreground"
        />
      </Field>
      <Field id="name" label={a("name")} error={errors.name}>
        <Input
          {...fieldProps("name", errors.name)}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field
        id="password"
        label={t("choosePassword")}
        error={errors.password}
        hint={v("passwordMin", { min: MIN_PASSWORD })}
      >
        <PasswordInput
          {...fieldProps("password", errors.password, true)}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Button type="submit" size="lg" className="mt-1 w-full" loading={accept.isPending || signingIn}>
        {t("createAndJoin")}
      </Button>
    </form>
  );
}
