"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError, parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/common/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthHeading } from "./auth-heading";
import { PasswordInput } from "./password-input";
import { safeCallbackUrl } from "./safe-callback";
import { EMAIL_RE, hasErrors, MIN_PASSWORD, type TFieldErrors } from "./validate";
import { LiveRegion } from "@/components/ui/live-region";

type TField = "name" | "email" | "password" | "company";

export function SignupForm() {
  const t = useTranslations("auth");
  const hydrated = useHydrated();
  const v = useTranslations("validation");
  const locale = useLocale();
  const router = useRouter();
  const callbackUrl = safeCallbackUrl(useSearchParams().get("callbackUrl"));
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: "", email: "", password: "", company: "" });
  const [errors, setErrors] = useState<TFieldErrors<TField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  const set = (k: TField) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  function validate(): TFieldErrors<TField> {
    return {
      name: form.name.trim() ? undefined : v("required"),
      email: EMAIL_RE.test(form.email.trim()) ? undefined : v("email"),
      password: form.password.length >= MIN_PASSWORD ? undefined : v("passwordMin", { min: MIN_PASSWORD }),
      company: form.company.trim() ? undefined : v("required"),
    };
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local = validate();
    setErrors(local);
    if (hasErrors(local)) return;
    try {
      const res = await signUp.mutateAsync({ ...form, language: locale === "en" ? "en" : "zh-CN" });
      setSigningIn(true);
      const login = await signIn("credentials", {
        email: form.email.trim(),
        password: form.password,
        redirect: false,
      });
      if (!login || login.error) return router.push("/login");
      router.replace(callbackUrl ?? `/t/${res.tenant.slug}`);
      router.refresh();
    } catch (err) {
      const p = parseError(err);
      if (p.code === "CONFLICT" && p.field === "email") return setErrors({ email: t("signup.emailTaken") });
      const fields: TFieldErrors<TField> = {};
      for (const f of ["name", "email", "password", "company"] as const)
        fields[f] = fieldError(err, f) ?? undefined;
      setErrors(fields);
      if (!hasErrors(fields)) setFormError(errorText(err));
    }
  }

  const loginHref = callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login";
  return (
    <>
      <AuthHeading title={t("signup.title")} description={t("signup.description")} />
      <form onSubmit={onSubmit} method="post" className="grid gap-4" noValidate>
        <LiveRegion>{formError && <Alert variant="destructive">{formError}</Alert>}</LiveRegion>
        <Field id="name" label={t("name")} error={errors.name}>
          <Input
            {...fieldProps("name", errors.name)}
            autoComplete="name"
            value={form.name}
            onChange={set("name")}
          />
        </Field>
        <Field id="email" label={t("workEmail")} error={errors.email}>
          <Input
            {...fieldProps("email", errors.email)}
            type="email"
            autoComplete="email"
            inputMode="email"
            value={form.email}
            onChange={set("email")}
            placeholder="name@company.com"
          />
        </Field>
        <Field
          id="password"
          label={t("password")}
          error={errors.password}
          hint={v("passwordMin", { min: MIN_PASSWORD })}
        >
          <PasswordInput
            {...fieldProps("password", errors.password, true)}
            autoComplete="new-password"
            value={form.password}
            onChange={set("password")}
          />
        </Field>
        <Field id="company" label={t("company")} error={errors.company} hint={t("signup.companyHint")}>
          <Input
            {...fieldProps("company", errors.company, true)}
            autoComplete="organization"
            value={form.company}
            onChange={set("company")}
          />
        </Field>
        <Button
          type="submit"
          size="lg"
          className="mt-1 w-full"
          loading={signUp.isPending || signingIn}
          disabled={!hydrated}
        >
          {t("signup.submit")}
        </Button>
      </form>
      <p className="mt-6 text-center text-muted-foreground">
        {t("signup.haveAccount")}{" "}
        <Link href={loginHref} className="font-medium text-primary-soft-foreground hover:underline">
          {t("signup.signIn")}
        </Link>
      </p>
    </>
  );
}
