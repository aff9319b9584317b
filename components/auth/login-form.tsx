"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/common/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthHeading } from "./auth-heading";
import { PasswordInput } from "./password-input";
import { safeCallbackUrl } from "./safe-callback";
import { useSignInMessage } from "./use-sign-in-message";
import { LiveRegion } from "@/components/ui/live-region";

export function LoginForm() {
  const t = useTranslations("auth");
  const hydrated = useHydrated();
  const router = useRouter();
  const params = useSearchParams();
  const callbackUrl = safeCallbackUrl(params.get("callbackUrl"));
  const signInMessage = useSignInMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError({ text: t("login.missing"), locked: false });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email: email.trim(), password, redirect: false });
      if (!res || res.error) {
        const raw = res?.error ?? "INTERNAL||";
        setError({ text: signInMessage(raw), locked: raw.startsWith("LOCKED") });
        setPending(false);
        return;
      }
      router.replace(callbackUrl ?? "/");
      router.refresh();
    } catch {
      setError({ text: signInMessage("INTERNAL||"), locked: false });
      setPending(false);
    }
  }

  const signupHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup";
  return (
    <>
      <AuthHeading title={t("login.title")} description={t("login.description")} />
      <form onSubmit={onSubmit} method="post" className="grid gap-4" noValidate>
        <LiveRegion>
          {error && (
            <Alert
              variant={error.locked ? "warning" : "destructive"}
              title={error.locked ? t("login.lockedTitle") : undefined}
            >
              {error.text}
            </Alert>
          )}
        </LiveRegion>
        <Field id="email" label={t("email")}>
          <Input
            {...fieldProps("email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="name@company.com"
          />
        </Field>
        <Field id="password" label={t("password")}>
          <PasswordInput
            {...fieldProps("password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Button type="submit" size="lg" className="mt-1 w-full" loading={pending} disabled={!hydrated}>
          {t("login.submit")}
        </Button>
      </form>
      <p className="mt-6 text-center text-muted-foreground">
        {t("login.noAccount")}{" "}
        <Link href={signupHref} className="font-medium text-primary-soft-foreground hover:underline">
          {t("login.createAccount")}
        </Link>
      </p>
    </>
  );
}
