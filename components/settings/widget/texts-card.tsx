"use client";

import { useTranslations } from "next-intl";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { TWidgetErrors } from "./widget-settings-form";
import { WIDGET_LANGUAGES, type TWidgetSettings } from "./widget-types";

type TProps = {
  value: TWidgetSettings;
  errors: TWidgetErrors;
  onChange: (patch: Partial<TWidgetSettings>) => void;
};

/** The panel's title and first line, in each language the widget speaks (the visitor's picks one). */
export function TextsCard({ value, errors, onChange }: TProps) {
  const t = useTranslations("widgetSettings.texts");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        {WIDGET_LANGUAGES.map((language) => {
          const name = LANGUAGE_NAMES[language];
          const titleError = !value.title[language]?.trim() ? errors.title : undefined;
          const welcomeError = !value.welcome[language]?.trim() ? errors.welcome : undefined;
          return (
            <fieldset key={language} className="grid content-start gap-4" lang={language}>
              <legend className="mb-3 text-sm font-semibold">{name}</legend>
              <Field id={`widget-title-${language}`} label={t("panelTitle")} error={titleError}>
                <Input
                  {...fieldProps(`widget-title-${language}`, titleError)}
                  value={value.title[language]}
                  maxLength={40}
                  onChange={(e) => onChange({ title: { ...value.title, [language]: e.target.value } })}
                />
              </Field>
              <Field
                id={`widget-welcome-${language}`}
                label={t("welcome")}
                error={welcomeError}
                hint={t("welcomeHint")}
              >
                <Textarea
                  {...fieldProps(`widget-welcome-${language}`, welcomeError, true)}
                  value={value.welcome[language]}
                  maxLength={300}
                  rows={3}
                  onChange={(e) => onChange({ welcome: { ...value.welcome, [language]: e.target.value } })}
                />
              </Field>
            </fieldset>
          );
        })}
      </CardContent>
    </Card>
  );
}
