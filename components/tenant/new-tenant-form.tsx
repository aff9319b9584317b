"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AuthHeading } from "@/components/auth/auth-heading";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LiveRegion } from "@/components/ui/live-region";

export function NewTenantForm() {
  const t = useTranslations("tenantsNew");
  const v = useTranslations("validation");
  const router = useRouter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const me = useQuery(trpc.account.me.queryOptions());
  const remember = useMutation(trpc.account.rememberTenant.mutationOptions());
  const create = useMutation(trpc.account.createTenant.mutationOptions());

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError(v("required"));
    setError(null);
    try {
      const tenant = await create.mutateAsync({ name: name.trim() });
      await remember.mutateAsync({ tenantId: tenant.id }).catch(() => undefined);
      router.push(`/t/${tenant.slug}`);
      router.refresh();
    } catch (err) {
      setError(fieldError(err, "name") ?? errorText(err));
    }
  }

  const hasTenants = (me.data?.tenants.length ?? 0) > 0;
  return (
    <>
      {hasTenants && (
        <Button asChild variant="ghost" size="sm" className="-ml-3 mb-6 text-muted-foreground">
          <Link href="/">
            <ArrowLeft aria-hidden />
            {t("back")}
          </Link>
        </Button>
      )}
      <AuthHeading
        title={t("title")}
        description={hasTenants || me.isPending ? t("description") : t("descriptionFirst")}
      />
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        <Field id="tenant-name" label={t("name")} error={error} hint={t("nameHint")}>
          <Input
            {...fieldProps("tenant-name", error, true)}
            autoComplete="organization"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
        </Field>
        <Button
          type="submit"
          size="lg"
          className="mt-1 w-full"
          loading={create.isPending || create.isSuccess}
        >
          {t("submit")}
        </Button>
      </form>
      <LiveRegion>
        {me.isError && (
          <Alert className="mt-4" variant="destructive">
            {errorText(me.error)}
          </Alert>
        )}
      </LiveRegion>
    </>
  );
}
