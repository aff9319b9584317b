"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { MinutesInput } from "./sla-card";

// Minutes of quiet before a conversation is idle, dormant and expired, per conversation type
// (lifecycle.settings; the sweep and its rules are described in docs/jobs.md).

const TYPES = ["CHAT", "CONSULT", "BUSINESS"] as const;
const STAGES = ["idle", "dormant", "expired"] as const;
const MAX_MINUTES = 7 * 24 * 60;
type TType = (typeof TYPES)[number];
type TStage = (typeof STAGES)[number];
type TSettings = Record<TType, Record<TStage, number>>;
type TKey = `${TType}-${TStage}`;

const keyOf = (type: TType, stage: TStage): TKey => `${type}-${stage}`;
const valuesOf = (s: TSettings) =>
  Object.fromEntries(TYPES.flatMap((ty) => STAGES.map((st) => [keyOf(ty, st), String(s[ty][st])]))) as Record<
    TKey,
    string
  >;
const wholeNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

export function LifecycleCard() {
  const t = useTranslations("lifecycleSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const settings = useQuery(trpc.lifecycle.settings.queryOptions({ tenantId: tenant.tenantId }));
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;
  if (settings.isPending) return <Skeleton className="h-72 rounded-xl" aria-busy aria-label={t("loading")} />;
  // keyed by the stored value: a save resets the form to what was stored
  return <LifecycleForm key={JSON.stringify(settings.data)} initial={settings.data} />;
}

function LifecycleForm({ initial }: { initial: TSettings }) {
  const t = useTranslations("lifecycleSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [values, setValues] = useState(() => valuesOf(initial));
  const [errors, setErrors] = useState<Partial<Record<TKey, string>>>({});
  const update = useMutation(
    trpc.lifecycle.updateSettings.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.lifecycle.settings.queryFilter()),
    }),
  );

  function validate() {
    const found: Partial<Record<TKey, string>> = {};
    for (const type of TYPES)
      STAGES.forEach((stage, i) => {
        const n = wholeNumber(values[keyOf(type, stage)]);
        if (!(n >= 1 && n <= MAX_MINUTES))
          found[keyOf(type, stage)] = t("range", { max: String(MAX_MINUTES) });
        else if (i > 0 && n <= wholeNumber(values[keyOf(type, STAGES[i - 1])]))
          found[keyOf(type, stage)] = t("order", { prev: t(`stages.${STAGES[i - 1]}`) });
      });
    return found;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`lifecycle-${first}`)?.focus();
    const next = Object.fromEntries(
      TYPES.map((ty) => [
        ty,
        Object.fromEntries(STAGES.map((st) => [st, wholeNumber(values[keyOf(ty, st)])])),
      ]),
    ) as TSettings;
    try {
      await update.mutateAsync({ tenantId: tenant.tenantId, ...next });
      toast.success(t("saved"));
    } catch (err) {
      toast.error(errorText(err));
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label={t("title")}>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {TYPES.map((type) => (
            <fieldset key={type} className="grid gap-3">
              <legend className="mb-3 text-sm font-medium">
                {t(`types.${type}.label`)}
                <span className="ml-2 font-normal text-muted-foreground">{t(`types.${type}.hint`)}</span>
              </legend>
              <div className="grid gap-4 sm:grid-cols-3">
                {STAGES.map((stage) => {
                  const id = `lifecycle-${keyOf(type, stage)}`;
                  const error = errors[keyOf(type, stage)];
                  return (
                    <Field key={stage} id={id} label={t(`stages.${stage}`)} error={error}>
                      <MinutesInput
                        {...fieldProps(id, error)}
                        suffix={t("minutes")}
                        aria-label={t("minutesFor", {
                          type: t(`types.${type}.label`),
                          stage: t(`stages.${stage}`),
                        })}
                        value={values[keyOf(type, stage)]}
                        onChange={(e) => setValues((v) => ({ ...v, [keyOf(type, stage)]: e.target.value }))}
                      />
                    </Field>
                  );
                })}
              </div>
            </fieldset>
          ))}
        </CardContent>
        <CardFooter>
          <Button
            type="button"
            variant="ghost"
            disabled={update.isPending}
            onClick={() => (setValues(valuesOf(initial)), setErrors({}))}
          >
            {t("reset")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
