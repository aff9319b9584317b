"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { COMMON_TIMEZONES, utcOffset } from "@/components/settings/timezones";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { RuleCard } from "./rule-card";
import { configOf, joinWords, splitWords, type TRule, type TRuleSet } from "./rule-utils";
import { WordField } from "./word-field";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type TDay = (typeof DAYS)[number];

const rangesText = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
const ranges = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((r) => r.trim())
    .filter(Boolean);

/** Extra working days as lines: "2026-02-14" or "2026-02-14 09:00-12:00, 13:00-17:00". */
function extraText(v: unknown): string {
  if (!Array.isArray(v)) return "";
  return v
    .map((d) =>
      typeof d === "string"
        ? d
        : `${(d as { date: string }).date} ${((d as { ranges: string[] }).ranges ?? []).join(", ")}`,
    )
    .join("\n");
}
function extraDays(text: string) {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, ...rest] = l.split(/\s+/);
      const r = ranges(rest.join(" "));
      return r.length ? { date, ranges: r } : date;
    });
}

export function WorkingHoursCard({ rule, effective }: { rule?: TRule; effective: TRuleSet }) {
  const t = useTranslations("botSettings.hours");
  const days = useTranslations("botSettings.days");
  const c = rule ? configOf(rule) : (effective.workingHours as unknown as Record<string, unknown>);
  const schedule = (c.schedule ?? {}) as Record<TDay, unknown>;
  const [timezone, setTimezone] = useState(typeof c.timezone === "string" ? c.timezone : "Asia/Shanghai");
  const [week, setWeek] = useState(
    () => Object.fromEntries(DAYS.map((d) => [d, rangesText(schedule[d])])) as Record<TDay, string>,
  );
  const [holidays, setHolidays] = useState(joinWords(c.holidays));
  const [extra, setExtra] = useState(rule ? extraText(c.extraWorkdays) : "");
  const zones = COMMON_TIMEZONES.includes(timezone) ? COMMON_TIMEZONES : [timezone, ...COMMON_TIMEZONES];
  return (
    <RuleCard
      type="WORKING_HOURS"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => ({
        timezone,
        schedule: Object.fromEntries(DAYS.map((d) => [d, ranges(week[d])])),
        holidays: splitWords(holidays),
        extraWorkdays: extraDays(extra),
      })}
    >
      <Field id="hours-timezone" label={t("timezone")} className="sm:max-w-sm">
        <Select value={timezone} onValueChange={setTimezone}>
          <SelectTrigger id="hours-timezone">
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
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-[13px] font-medium">{t("schedule")}</legend>
        <p id="hours-schedule-hint" className="text-[13px] text-muted-foreground">
          {t("scheduleHint")}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {DAYS.map((d) => (
            <div key={d} className="grid grid-cols-[3.5rem_1fr] items-center gap-2">
              <label htmlFor={`hours-${d}`} className="text-[13px] font-medium">
                {days(d)}
              </label>
              <Input
                id={`hours-${d}`}
                aria-describedby="hours-schedule-hint"
                value={week[d]}
                placeholder={t("closed")}
                onChange={(e) => setWeek((w) => ({ ...w, [d]: e.target.value }))}
                className="font-mono text-[13px]"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <WordField
          id="hours-holidays"
          label={t("holidays")}
          hint={t("holidaysHint")}
          value={holidays}
          onChange={setHolidays}
        />
        <WordField
          id="hours-extra"
          label={t("extra")}
          hint={t("extraHint")}
          value={extra}
          onChange={setExtra}
        />
      </div>
    </RuleCard>
  );
}
