"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import type { TAlertRule } from "./alert-types";

/** One alert kind: whether it is watched and its threshold, saved together with the row's button. */
export function AlertRuleRow({ rule }: { rule: TAlertRule }) {
  const t = useTranslations("alerts");
  const r = useTranslations("alerts.rules");
  const format = useFormatter();
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.alerts.updateRule.mutationOptions({
      onSuccess: (rules) => {
        qc.setQueryData(trpc.alerts.rules.queryKey({ tenantId: tenant.tenantId }), rules);
        toast.success(r("saved"));
      },
    }),
  );
  const id = `alert-rule-${rule.kind}`;
  const dirty = enabled !== rule.enabled || Number(threshold) !== rule.threshold;
  // units may be plural ("1 conversation", "3 conversations")
  const unit = (count: number) => r(`unit.${rule.kind}`, { count });

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const value = Number(threshold.trim());
    // whole numbers for all kinds but the error rate (a percentage may have decimals)
    const integer = rule.kind !== "ERROR_RATE";
    if (threshold.trim() === "" || !Number.isFinite(value) || value < rule.min || value > rule.max) {
      setError(r("outOfRange", { min: format.number(rule.min), max: format.number(rule.max) }));
      return document.getElementById(`${id}-threshold`)?.focus();
    }
    if (integer && !Number.isInteger(value)) {
      setError(r("wholeNumber"));
      return document.getElementById(`${id}-threshold`)?.focus();
    }
    setError(null);
    try {
      await save.mutateAsync({ tenantId: tenant.tenantId, kind: rule.kind, enabled, threshold: value });
    } catch (err) {
      const message = fieldError(err, "threshold");
      setError(message);
      if (!message) toast.error(errorText(err));
    }
  }

  return (
    <li>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t(`kind.${rule.kind}`)}
        className="grid gap-3 px-5 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start sm:gap-6 sm:px-6"
      >
        <div className="flex items-start gap-3">
          <Switch
            id={`${id}-enabled`}
            aria-describedby={`${id}-help`}
            className="mt-0.5"
            checked={enabled}
            onCheckedChange={setEnabled}
          />
          <div className="grid gap-1">
            <Label htmlFor={`${id}-enabled`}>{t(`kind.${rule.kind}`)}</Label>
            <p id={`${id}-help`} className="text-[13px] text-muted-foreground">
              {r(`help.${rule.kind}`)}
            </p>
          </div>
        </div>
        <div className="flex items-end gap-2">
          <Field
            id={`${id}-threshold`}
            label={r("threshold")}
            error={error}
            hint={r("default", {
              value: `${format.number(rule.defaultThreshold)} ${unit(rule.defaultThreshold)}`,
            })}
          >
            <div className="flex items-center gap-2">
              <Input
                {...fieldProps(`${id}-threshold`, error, true)}
                inputMode="decimal"
                value={threshold}
                disabled={!enabled}
                onChange={(e) => setThreshold(e.target.value)}
                className="w-28 tabular-nums"
              />
              <span className="w-24 shrink-0 text-[13px] text-muted-foreground">
                {unit(Number(threshold) || rule.threshold)}
              </span>
            </div>
          </Field>
          <Button type="submit" variant="outline" className="mb-6" disabled={!dirty} loading={save.isPending}>
            {r("save")}
          </Button>
        </div>
      </form>
    </li>
  );
}
