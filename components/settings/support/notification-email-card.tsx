"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EMAIL_RE } from "@/components/auth/validate";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/** The address after-hours tickets and escalation emails go to (the same one General settings edit). */
export function NotificationEmailCard({ initial }: { initial: string | null }) {
  const t = useTranslations("supportSettings.notification");
  const s = useTranslations("supportSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState(initial ?? "");
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.supportSettings.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          qc.invalidateQueries(trpc.supportSettings.get.queryFilter()),
          qc.invalidateQueries(trpc.tenant.get.queryFilter()),
        ]),
    }),
  );

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const email = value.trim();
    if (email && !EMAIL_RE.test(email)) {
      setError(t("invalid"));
      return document.getElementById("support-notification-email")?.focus();
    }
    setError(null);
    try {
      await update.mutateAsync({ tenantId: tenant.tenantId, notificationEmail: email });
      toast.success(email ? t("saved") : t("cleared"));
    } catch (err) {
      const message = fieldError(err, "notificationEmail");
      setError(message);
      if (!message) toast.error(errorText(err));
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label={t("title")}>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <Field
            id="support-notification-email"
            label={t("email")}
            error={error}
            hint={t("emailHint")}
            className="sm:max-w-md"
          >
            <Input
              {...fieldProps("support-notification-email", error, true)}
              type="email"
              inputMode="email"
              autoComplete="email"
              value={value}
              maxLength={254}
              onChange={(e) => setValue(e.target.value)}
              placeholder="support@company.com"
            />
          </Field>
        </CardContent>
        <CardFooter>
          <Button
            type="button"
            variant="ghost"
            disabled={update.isPending}
            onClick={() => (setValue(initial ?? ""), setError(null))}
          >
            {s("reset")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {s("save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
