"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { TWidgetErrors } from "./widget-settings-form";
import { isHexColor, type TWidgetSettings } from "./widget-types";

const PRESETS = ["#2563eb", "#0d9488", "#16a34a", "#ea580c", "#dc2626", "#7c3aed", "#db2777", "#111827"];

type TProps = {
  value: TWidgetSettings;
  errors: TWidgetErrors;
  onChange: (patch: Partial<TWidgetSettings>) => void;
};

/** On/off, colour, corner, theme and the "talk to a human" button. */
export function AppearanceCard({ value, errors, onChange }: TProps) {
  const t = useTranslations("widgetSettings.appearance");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <SwitchRow
          id="widget-enabled"
          label={t("enabled")}
          hint={t("enabledHint")}
          checked={value.enabled}
          onChange={(enabled) => onChange({ enabled })}
        />
        <Field id="widget-color" label={t("color")} error={errors.color} hint={t("colorHint")}>
          <div className="flex flex-wrap items-center gap-3">
            <input
              type="color"
              aria-label={t("colorPicker")}
              value={isHexColor(value.color) ? value.color : "#2563eb"}
              onChange={(e) => onChange({ color: e.target.value })}
              className="size-9 shrink-0 cursor-pointer rounded-md border border-input bg-card p-1"
            />
            <Input
              {...fieldProps("widget-color", errors.color, true)}
              value={value.color}
              maxLength={7}
              spellCheck={false}
              className="w-28 font-mono"
              onChange={(e) => onChange({ color: e.target.value.trim() })}
            />
            <div role="group" aria-label={t("presets")} className="flex flex-wrap gap-1.5">
              {PRESETS.map((color) => (
                <button
                  key={color}
                  type="button"
                  aria-label={color}
                  aria-pressed={value.color.toLowerCase() === color}
                  onClick={() => onChange({ color })}
                  className={cn(
                    "size-7 rounded-full border-2 border-card shadow-xs ring-1 ring-border outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    value.color.toLowerCase() === color && "ring-2 ring-foreground",
                  )}
                  style={{ backgroundColor: color }}
                />
              ))}
            </div>
          </div>
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-[13px] leading-none font-medium">{t("position")}</legend>
            <div className="grid grid-cols-2 gap-1 rounded-lg bg-muted p-1">
              {(["left", "right"] as const).map((position) => (
                <label
                  key={position}
                  className={cn(
                    "flex h-8 cursor-pointer items-center justify-center rounded-md text-[13px] font-medium text-muted-foreground has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    value.position === position && "bg-card text-foreground shadow-xs",
                  )}
                >
                  <input
                    type="radio"
                    name="widget-position"
                    value={position}
                    checked={value.position === position}
                    onChange={() => onChange({ position })}
                    className="sr-only"
                  />
                  {t(position)}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="widget-theme" label={t("theme")}>
            <Select
              value={value.theme}
              onValueChange={(theme) => onChange({ theme: theme as TWidgetSettings["theme"] })}
            >
              <SelectTrigger id="widget-theme">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="auto">{t("themeAuto")}</SelectItem>
                <SelectItem value="light">{t("themeLight")}</SelectItem>
                <SelectItem value="dark">{t("themeDark")}</SelectItem>
              </SelectContent>
            </Select>
          </Field>
        </div>
        <SwitchRow
          id="widget-handoff"
          label={t("handoff")}
          hint={t("handoffHint")}
          checked={value.handoffButton}
          onChange={(handoffButton) => onChange({ handoffButton })}
        />
      </CardContent>
    </Card>
  );
}

function SwitchRow(p: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <Label htmlFor={p.id}>{p.label}</Label>
        <p id={`${p.id}-hint`} className="text-[13px] text-muted-foreground">
          {p.hint}
        </p>
      </div>
      <Switch id={p.id} aria-describedby={`${p.id}-hint`} checked={p.checked} onCheckedChange={p.onChange} />
    </div>
  );
}
