"use client";

import { useTranslations } from "next-intl";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { TField, TValues } from "./erp-form-values";
import { KINDS, SCHEDULES } from "./types";

/** The connection form's fields; the kind decides between 智邦's fields and the REST JSON editor. */
export function ErpFormFields({
  editing,
  values,
  errors,
  onChange,
}: {
  editing: boolean;
  values: TValues;
  errors: Partial<Record<TField, string>>;
  onChange: (patch: Partial<TValues>) => void;
}) {
  const t = useTranslations("erp.form");
  const k = useTranslations("erp.kinds");
  const s = useTranslations("erp.schedules");
  const text = (f: Exclude<TField, "configJson">, hint = false) => ({
    ...fieldProps(`erp-${f}`, errors[f], hint),
    value: values[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [f]: e.target.value }),
  });
  const credentialHint = editing ? t("credentialsKept") : undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="erp-kind" label={t("kind")}>
        <Select value={values.kind} onValueChange={(kind) => onChange({ kind: kind as TValues["kind"] })}>
          <SelectTrigger id="erp-kind">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {KINDS.map((kind) => (
              <SelectItem key={kind} value={kind} description={k(`${kind}.hint`)}>
                {k(`${kind}.label`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <Field id="erp-name" label={t("name")} error={errors.name}>
        <Input {...text("name")} maxLength={100} autoComplete="off" placeholder={t("namePlaceholder")} />
      </Field>
      <Field
        id="erp-baseUrl"
        label={t("baseUrl")}
        error={errors.baseUrl}
        hint={t("baseUrlHint")}
        className="sm:col-span-2"
      >
        <Input
          {...text("baseUrl", true)}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://erp.example.com"
        />
      </Field>
      <Field id="erp-username" label={t("username")} error={errors.username} hint={credentialHint}>
        <Input {...text("username", editing)} autoComplete="off" spellCheck={false} />
      </Field>
      <Field id="erp-password" label={t("password")} error={errors.password} hint={credentialHint}>
        <Input {...text("password", editing)} type="password" autoComplete="new-password" />
      </Field>
      {values.kind === "ZHIBANG" ? (
        <>
          <Field id="erp-serialnum" label={t("serialnum")} error={errors.serialnum} hint={t("serialnumHint")}>
            <Input {...text("serialnum", true)} maxLength={20} autoComplete="off" spellCheck={false} />
          </Field>
          <Field id="erp-pageSize" label={t("pageSize")} error={errors.pageSize} hint={t("pageSizeHint")}>
            <Input {...text("pageSize", true)} inputMode="numeric" placeholder="20" />
          </Field>
        </>
      ) : (
        <Field
          id="erp-configJson"
          label={t("config")}
          error={errors.configJson}
          hint={t("configHint")}
          className="sm:col-span-2"
        >
          <Textarea
            {...fieldProps("erp-configJson", errors.configJson, true)}
            value={values.configJson}
            onChange={(e) => onChange({ configJson: e.target.value })}
            rows={12}
            spellCheck={false}
            className="font-mono text-xs"
          />
        </Field>
      )}
      <Field id="erp-schedule" label={t("schedule")} hint={t("scheduleHint")}>
        <Select
          value={values.schedule}
          onValueChange={(v) => onChange({ schedule: v as TValues["schedule"] })}
        >
          <SelectTrigger id="erp-schedule" aria-describedby="erp-schedule-hint">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {SCHEDULES.map((v) => (
              <SelectItem key={v} value={v}>
                {s(v)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <div className="flex items-center gap-3 self-end pb-2">
        <Switch
          id="erp-enabled"
          checked={values.enabled}
          onCheckedChange={(enabled) => onChange({ enabled })}
        />
        <Label htmlFor="erp-enabled">{t("enabled")}</Label>
      </div>
    </div>
  );
}
