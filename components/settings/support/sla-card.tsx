"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { SLA_BANDS, SLA_MAX_MINUTES, type TSla, type TSlaBand } from "./support-types";

type TValues = Record<TSlaBand, string> & { warnAt: string };
type TErrors = Partial<Record<TSlaBand | "warnAt", string>>;

const valuesOf = (sla: TSla): TValues => ({
  ...(Object.fromEntries(SLA_BANDS.map((b) => [b, String(sla.firstResponseMinutes[b])])) as Record<
    TSlaBand,
    string
  >),
  warnAt: String(Math.round(sla.warnAt * 100)),
});

const wholeNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** First-response minutes per priority band and the share of it after which the inbox warns. */
export function SlaCard({ initial }: { initial: TSla }) {
  const t = useTranslations("supportSettings");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [values, setValues] = useState(() => valuesOf(initial));
  const [errors, setErrors] = useState<TErrors>({});
  const update = useMutation(
    trpc.supportSettings.update.mutationOptions({
      onSuccess: () => qc.invalidateQueries(trpc.supportSettings.get.queryFilter()),
    }),
  );
  const bandName = (b: TSlaBand) => t(`sla.bands.${b}.label`);

  function validate(): TErrors {
    const found: TErrors = {};
    SLA_BANDS.forEach((band, i) => {
      const n = wholeNumber(values[band]);
      if (!(n >= 1 && n <= SLA_MAX_MINUTES)) found[band] = t("sla.range", { max: SLA_MAX_MINUTES });
      else if (i < SLA_BANDS.length - 1) {
        const next = SLA_BANDS[i + 1];
        if (n > wholeNumber(values[next])) found[band] = t("sla.order", { next: bandName(next) });
      }
    });
    const warn = wholeNumber(values.warnAt);
    if (!(warn >= 10 && warn <= 100)) found.warnAt = t("sla.warnRange");
    return found;
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`sla-${first}`)?.focus();
    const minutes = Object.fromEntries(SLA_BANDS.map((b) => [b, wholeNumber(values[b])])) as Record<
      TSlaBand,
      number
    >;
    try {
      await update.mutateAsync({
        tenantId: tenant.tenantId,
        sla: { firstResponseMinutes: minutes, warnAt: wholeNumber(values.warnAt) / 100 },
      });
      toast.success(t("sla.saved"));
    } catch (err) {
      const server: TErrors = {};
      for (const b of SLA_BANDS) {
        const m = fieldError(err, `sla.firstResponseMinutes.${b}`);
        if (m) server[b] = m;
      }
      setErrors(server);
      if (!Object.keys(server).length) toast.error(errorText(err));
    }
  }

  const set = (k: keyof TValues) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label={t("sla.title")}>
        <CardHeader>
          <CardTitle>{t("sla.title")}</CardTitle>
          <CardDescription>{t("sla.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {SLA_BANDS.map((band) => (
              <Field
                key={band}
                id={`sla-${band}`}
                label={bandName(band)}
                error={errors[band]}
                hint={t(`sla.bands.${band}.hint`)}
              >
                <MinutesInput
                  {...fieldProps(`sla-${band}`, errors[band], true)}
                  suffix={t("sla.minutes")}
                  aria-label={t("sla.minutesFor", { band: bandName(band) })}
                  value={values[band]}
                  onChange={set(band)}
                />
              </Field>
            ))}
          </div>
          <Field
            id="sla-warnAt"
            label={t("sla.warnAt")}
            error={errors.warnAt}
            hint={t("sla.warnAtHint")}
            className="max-w-[calc(50%-0.5rem)] lg:max-w-[calc(25%-0.75rem)]"
          >
            <MinutesInput
              {...fieldProps("sla-warnAt", errors.warnAt, true)}
              suffix="%"
              value={values.warnAt}
              onChange={set("warnAt")}
            />
          </Field>
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

/** A whole-number input with its unit shown inside the box (the unit is not part of the value). */
export function MinutesInput({ suffix, ...props }: React.ComponentProps<"input"> & { suffix: string }) {
  return (
    <div className="relative">
      <Input {...props} type="text" inputMode="numeric" autoComplete="off" className="pr-14 tabular-nums" />
      <span
        className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-[13px] text-muted-foreground"
        aria-hidden
      >
        {suffix}
      </span>
    </div>
  );
}
