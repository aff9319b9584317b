"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/common/query-error";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { RangeField } from "./range-field";
import { RETRIEVAL_DEFAULTS, THRESHOLD_RANGE, WEIGHT_RANGE, type TRetrieval } from "./settings-types";

type TField = keyof TRetrieval;
type TErrors = Partial<Record<TField, string>>;
const FUSIONS = ["score", "rrf"] as const;

/** Loads the tenant's retrieval settings and shows the form keyed by them (a save resets it). */
export function RetrievalCard() {
  const t = useTranslations("knowledge.settings.retrieval");
  const tenant = useTenant();
  const trpc = useTRPC();
  const settings = useQuery(trpc.knowledge.settings.get.queryOptions({ tenantId: tenant.tenantId }));
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} />;
  if (settings.isPending) return <Skeleton className="h-96 rounded-xl" aria-busy aria-label={t("loading")} />;
  return <RetrievalForm key={JSON.stringify(settings.data)} initial={settings.data} />;
}

function RetrievalForm({ initial }: { initial: TRetrieval }) {
  const t = useTranslations("knowledge.settings.retrieval");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const canWrite = tenant.can("kb.write");
  const [values, setValues] = useState<TRetrieval>(initial);
  const [errors, setErrors] = useState<TErrors>({});
  const update = useMutation(
    trpc.knowledge.settings.update.mutationOptions({
      onSuccess: (saved) =>
        qc.setQueryData(trpc.knowledge.settings.get.queryKey({ tenantId: tenant.tenantId }), saved),
    }),
  );
  const set = <K extends TField>(k: K, v: TRetrieval[K]) => setValues((s) => ({ ...s, [k]: v }));
  const total = values.vectorWeight + values.keywordWeight;
  // whole percentages that add up to 100 (the keyword share is the rest of the rounded vector share)
  const vectorShare = total > 0 ? Math.round((values.vectorWeight / total) * 100) / 100 : 0;
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const isDefault = JSON.stringify(values) === JSON.stringify(RETRIEVAL_DEFAULTS);

  function validate(): TErrors {
    const found: TErrors = {};
    const inRange = (x: number, r: { min: number; max: number }) =>
      Number.isFinite(x) && x >= r.min && x <= r.max;
    if (!inRange(values.vectorWeight, WEIGHT_RANGE)) found.vectorWeight = t("weightRange", WEIGHT_RANGE);
    if (!inRange(values.keywordWeight, WEIGHT_RANGE)) found.keywordWeight = t("weightRange", WEIGHT_RANGE);
    if (!found.vectorWeight && !found.keywordWeight && total <= 0) found.vectorWeight = t("bothZero");
    if (!inRange(values.directAnswerThreshold, THRESHOLD_RANGE))
      found.directAnswerThreshold = t("thresholdRange");
    return found;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`retrieval-${first}`)?.focus();
    try {
      await update.mutateAsync({ tenantId: tenant.tenantId, ...values });
      toast.success(t("saved"));
    } catch (err) {
      const server: TErrors = {};
      for (const f of ["vectorWeight", "keywordWeight", "directAnswerThreshold", "fusion"] as const) {
        const m = fieldError(err, f);
        if (m) server[f] = m;
      }
      setErrors(server);
      if (!Object.keys(server).length) toast.error(errorText(err));
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="retrieval-title">
        <CardHeader>
          <CardTitle id="retrieval-title">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <div className="grid gap-6 md:grid-cols-2">
            <RangeField
              id="retrieval-vectorWeight"
              label={t("vectorWeight")}
              hint={t("vectorWeightHint", { share: pct(vectorShare) })}
              error={errors.vectorWeight}
              value={values.vectorWeight}
              onChange={(v) => set("vectorWeight", v)}
              disabled={!canWrite}
              {...WEIGHT_RANGE}
            />
            <RangeField
              id="retrieval-keywordWeight"
              label={t("keywordWeight")}
              hint={t("keywordWeightHint", { share: pct(total > 0 ? 1 - vectorShare : 0) })}
              error={errors.keywordWeight}
              value={values.keywordWeight}
              onChange={(v) => set("keywordWeight", v)}
              disabled={!canWrite}
              {...WEIGHT_RANGE}
            />
          </div>
          <fieldset className="grid gap-2" disabled={!canWrite}>
            <legend className="mb-1.5 text-sm font-medium">{t("fusion")}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {FUSIONS.map((f) => (
                <label
                  key={f}
                  className={cn(
                    "flex cursor-pointer gap-3 rounded-lg border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring has-[:disabled]:cursor-default",
                    values.fusion === f && "border-primary bg-primary-soft/40",
                  )}
                >
                  <input
                    type="radio"
                    name="retrieval-fusion"
                    value={f}
                    checked={values.fusion === f}
                    onChange={() => set("fusion", f)}
                    className="mt-0.5 size-4 accent-primary"
                    aria-describedby={`retrieval-fusion-${f}-hint`}
                  />
                  <span className="grid gap-0.5">
                    <span className="text-sm font-medium">{t(`fusions.${f}.label`)}</span>
                    <span id={`retrieval-fusion-${f}-hint`} className="text-[13px] text-muted-foreground">
                      {t(`fusions.${f}.hint`)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <RangeField
            id="retrieval-directAnswerThreshold"
            label={t("threshold")}
            hint={t("thresholdHint")}
            error={errors.directAnswerThreshold}
            value={values.directAnswerThreshold}
            onChange={(v) => set("directAnswerThreshold", v)}
            disabled={!canWrite}
            percent
            className="md:max-w-[calc(50%-0.75rem)]"
            {...THRESHOLD_RANGE}
          />
        </CardContent>
        {canWrite && (
          <CardFooter>
            <Button
              type="button"
              variant="ghost"
              disabled={update.isPending || isDefault}
              onClick={() => (setValues(RETRIEVAL_DEFAULTS), setErrors({}))}
            >
              {t("resetDefaults")}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              {t("save")}
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
