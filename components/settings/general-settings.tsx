"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EMAIL_RE } from "@/components/auth/validate";
import { QueryError } from "@/components/common/query-error";
import { fieldError, parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { GeneralFormFields, type TGeneral, type TGeneralErrors } from "./general-form-fields";
import { slugProblem } from "./slug-rules";

export function GeneralSettings() {
  const t = useTranslations("settings.general");
  const tenant = useTenant();
  const trpc = useTRPC();
  const info = useQuery(trpc.tenant.get.queryOptions({ tenantId: tenant.tenantId }));
  return (
    <Card id="general" className="scroll-mt-20">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {info.isError ? (
        <CardContent>
          <QueryError error={info.error} onRetry={() => info.refetch()} />
        </CardContent>
      ) : info.isPending ? (
        <CardContent className="grid gap-4" aria-busy>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-14" />
          ))}
        </CardContent>
      ) : (
        <GeneralForm
          key={info.dataUpdatedAt}
          initial={{
            name: info.data.name,
            slug: info.data.slug,
            timezone: info.data.timezone,
            language: info.data.language,
            notificationEmail: info.data.notificationEmail ?? "",
          }}
        />
      )}
    </Card>
  );
}

function GeneralForm({ initial }: { initial: TGeneral }) {
  const t = useTranslations("settings.general");
  const s = useTranslations("settings.slugErrors");
  const v = useTranslations("validation");
  const common = useTranslations("common");
  const tenant = useTenant();
  const router = useRouter();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<TGeneralErrors>({});
  const update = useMutation(trpc.tenant.update.mutationOptions());
  const dirty = (Object.keys(initial) as (keyof TGeneral)[]).some(
    (k) => initial[k].trim() !== value[k].trim(),
  );
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const problem = slugProblem(value.slug.trim());
    const local: TGeneralErrors = {
      name: value.name.trim() ? undefined : v("required"),
      slug: problem ? s(problem) : undefined,
      notificationEmail:
        !value.notificationEmail.trim() || EMAIL_RE.test(value.notificationEmail.trim())
          ? undefined
          : v("email"),
    };
    setErrors(local);
    if (Object.values(local).some(Boolean)) return;
    try {
      const saved = await update.mutateAsync({
        tenantId: tenant.tenantId,
        name: value.name.trim(),
        slug: value.slug.trim(),
        timezone: value.timezone,
        language: value.language as "zh-CN" | "en",
        notificationEmail: value.notificationEmail.trim(),
      });
      toast.success(t("saved"));
      await Promise.all([
        qc.invalidateQueries(trpc.tenant.get.queryFilter()),
        qc.invalidateQueries(trpc.account.me.queryFilter()),
      ]);
      // The layout resolved name and slug on the server. A new slug is a new address: load it afresh
      // (a client replace + refresh left later client navigations stuck on the loading state).
      if (saved.slug !== tenant.slug) window.location.assign(`/t/${saved.slug}/settings`);
      else router.refresh();
    } catch (err) {
      const p = parseError(err);
      const next: TGeneralErrors = {};
      if (p.code === "CONFLICT" && p.field === "slug") next.slug = s("taken");
      for (const k of ["name", "slug", "timezone", "notificationEmail"] as const)
        next[k] ??= fieldError(err, k) ?? undefined;
      setErrors(next);
      if (!Object.values(next).some(Boolean)) toast.error(errorText(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <CardContent>
        <GeneralFormFields
          value={value}
          errors={errors}
          origin={origin}
          onChange={(p) => setValue((x) => ({ ...x, ...p }))}
        />
      </CardContent>
      <CardFooter>
        <Button
          type="button"
          variant="ghost"
          disabled={!dirty || update.isPending}
          onClick={() => (setValue(initial), setErrors({}))}
        >
          {common("reset")}
        </Button>
        <Button type="submit" loading={update.isPending} disabled={!dirty}>
          {common("save")}
        </Button>
      </CardFooter>
    </form>
  );
}
