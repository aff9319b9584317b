"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import {
  DEFAULT_BASE_URLS,
  EMBEDDING_KINDS,
  KIND_LABELS,
  KINDS,
  MODEL_EXAMPLES,
  type TProvider,
  type TPurpose,
} from "./provider-kinds";
import type { TErrors, TField, TValues } from "./provider-values";

export function ProviderFormFields({
  purpose,
  provider,
  values,
  errors,
  onChange,
}: {
  purpose: TPurpose;
  provider?: TProvider;
  values: TValues;
  errors: TErrors;
  onChange: (patch: Partial<TValues>) => void;
}) {
  const t = useTranslations("aiSettings.form");
  const kinds = purpose === "EMBEDDING" ? EMBEDDING_KINDS : KINDS;
  const defaultUrl = DEFAULT_BASE_URLS[values.kind];
  const text = (f: TField) => ({
    ...fieldProps(`provider-${f}`, errors[f], true),
    value: values[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [f]: e.target.value }),
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="provider-kind" label={t("kind")} className="sm:col-span-2">
        <Select value={values.kind} onValueChange={(kind) => onChange({ kind: kind as TValues["kind"] })}>
          <SelectTrigger id="provider-kind">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {kinds.map((k) => (
              <SelectItem key={k} value={k} description={DEFAULT_BASE_URLS[k] ?? t("ownEndpoint")}>
                {KIND_LABELS[k]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <Field id="provider-model" label={t("model")} error={errors.model} hint={t("modelHint")}>
        <Input
          {...text("model")}
          placeholder={MODEL_EXAMPLES[purpose][values.kind]}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field id="provider-name" label={t("name")} error={errors.name} hint={t("nameHint")}>
        <Input {...text("name")} maxLength={60} autoComplete="off" />
      </Field>
      <Field
        id="provider-baseUrl"
        label={t("baseUrl")}
        error={errors.baseUrl}
        hint={defaultUrl ? t("baseUrlDefault", { url: defaultUrl }) : t("baseUrlRequired")}
        className="sm:col-span-2"
      >
        <Input
          {...text("baseUrl")}
          type="url"
          inputMode="url"
          placeholder={defaultUrl ?? "http://127.0.0.1:11434/v1"}
          className="font-mono text-[13px]"
          spellCheck={false}
        />
      </Field>
      <Field
        id="provider-apiKey"
        label={t("apiKey")}
        error={errors.apiKey}
        hint={provider?.hasKey ? t("apiKeyKeep") : t("apiKeyHint")}
        className="sm:col-span-2"
      >
        {provider?.hasKey && (
          <p className="flex items-center gap-1.5 text-[13px] text-muted-foreground">
            <KeyRound className="size-3.5" aria-hidden />
            {provider.keyLast4 ? t("keySaved", { last4: provider.keyLast4 }) : t("keySavedShort")}
          </p>
        )}
        <Input
          {...text("apiKey")}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          disabled={values.clearKey}
          placeholder={provider?.hasKey ? t("apiKeyReplace") : "sk-…"}
        />
        {provider?.hasKey && (
          <label className="flex items-center gap-2 text-[13px]">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={values.clearKey}
              onChange={(e) => onChange({ clearKey: e.target.checked, apiKey: "" })}
            />
            {t("clearKey")}
          </label>
        )}
      </Field>
      {purpose === "EMBEDDING" ? (
        <Field id="provider-dim" label={t("dim")} error={errors.dim} hint={t("dimHint")}>
          <Input {...text("dim")} type="number" inputMode="numeric" min={8} max={4096} step={1} />
        </Field>
      ) : (
        <>
          <Field id="provider-maxTokens" label={t("maxTokens")} error={errors.maxTokens}>
            <Input {...text("maxTokens")} type="number" inputMode="numeric" min={1} step={1} />
          </Field>
          <Field
            id="provider-temperature"
            label={t("temperature")}
            error={errors.temperature}
            hint={t("temperatureHint")}
          >
            <Input {...text("temperature")} type="number" inputMode="decimal" min={0} max={2} step={0.1} />
          </Field>
        </>
      )}
      <Field id="provider-timeoutS" label={t("timeout")} error={errors.timeoutS} hint={t("timeoutHint")}>
        <Input {...text("timeoutS")} type="number" inputMode="numeric" min={1} max={120} step={1} />
      </Field>
      <Field id="provider-inputPrice" label={t("inputPrice")} error={errors.inputPrice} hint={t("priceHint")}>
        <Input {...text("inputPrice")} type="number" inputMode="decimal" min={0} step="any" />
      </Field>
      <Field
        id="provider-outputPrice"
        label={t("outputPrice")}
        error={errors.outputPrice}
        hint={t("priceHint")}
      >
        <Input {...text("outputPrice")} type="number" inputMode="decimal" min={0} step="any" />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Switch
          id="provider-enabled"
          checked={values.enabled}
          onCheckedChange={(enabled) => onChange({ enabled })}
        />
        <Label htmlFor="provider-enabled">{t("enabled")}</Label>
      </div>
    </div>
  );
}
