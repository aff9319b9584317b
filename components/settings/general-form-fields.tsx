"use client";

import { useTranslations } from "next-intl";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { COMMON_TIMEZONES, utcOffset } from "./timezones";

export type TGeneral = {
  name: string;
  slug: string;
  timezone: string;
  language: string;
  notificationEmail: string;
};
export type TGeneralErrors = Partial<Record<keyof TGeneral, string>>;

export function GeneralFormFields({
  value,
  errors,
  onChange,
  origin,
}: {
  value: TGeneral;
  errors: TGeneralErrors;
  onChange: (patch: Partial<TGeneral>) => void;
  origin: string;
}) {
  const t = useTranslations("settings.general");
  const zones = COMMON_TIMEZONES.includes(value.timezone)
    ? COMMON_TIMEZONES
    : [value.timezone, ...COMMON_TIMEZONES];
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id="tenant-name" label={t("name")} error={errors.name} className="sm:col-span-2">
        <Input
          {...fieldProps("tenant-name", errors.name)}
          value={value.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </Field>
      <Field
        id="tenant-slug"
        label={t("slug")}
        error={errors.slug}
        hint={t("slugHint", { url: `${origin}/t/${value.slug || "…"}` })}
        className="sm:col-span-2"
      >
        <div className="flex">
          <span className="hidden items-center rounded-l-md border border-r-0 border-input bg-muted px-3 text-[13px] text-muted-foreground sm:flex">
            /t/
          </span>
          <Input
            {...fieldProps("tenant-slug", errors.slug, true)}
            value={value.slug}
            onChange={(e) => onChange({ slug: e.target.value.toLowerCase() })}
            className="font-mono text-[13px] sm:rounded-l-none"
            autoCapitalize="off"
            spellCheck={false}
          />
        </div>
      </Field>
      <Field id="tenant-timezone" label={t("timezone")} error={errors.timezone}>
        <Select value={value.timezone} onValueChange={(timezone) => onChange({ timezone })}>
          <SelectTrigger id="tenant-timezone" aria-invalid={errors.timezone ? true : undefined}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {zones.map((z) => (
              <SelectItem key={z} value={z}>
                {z.replace(/_/g, " ")} ({utcOffset(z)})
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <Field id="tenant-language" label={t("language")} hint={t("languageHint")}>
        <Select value={value.language} onValueChange={(language) => onChange({ language })}>
          <SelectTrigger id="tenant-language" aria-describedby="tenant-language-hint">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
              <SelectItem key={code} value={code}>
                {name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <Field
        id="tenant-notification-email"
        label={t("notificationEmail")}
        error={errors.notificationEmail}
        hint={t("notificationEmailHint")}
        className="sm:col-span-2"
      >
        <Input
          {...fieldProps("tenant-notification-email", errors.notificationEmail, true)}
          type="email"
          inputMode="email"
          value={value.notificationEmail}
          onChange={(e) => onChange({ notificationEmail: e.target.value })}
          placeholder="support@company.com"
        />
      </Field>
    </div>
  );
}
