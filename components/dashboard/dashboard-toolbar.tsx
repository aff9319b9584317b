"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { CHANNELS, MAX_SPAN_DAYS, PRESETS, rangeProblem, type TRangeParams } from "./range";

// Range presets, an optional custom from/to (native date inputs: accessible and phone-friendly) and a
// channel filter. A custom range is applied as soon as both dates make a valid range.

const ALL = "all";
const CUSTOM = "custom";

export function DashboardToolbar({
  view,
  resolved,
  today,
  onChange,
}: {
  view: TRangeParams;
  resolved: { from: string; to: string };
  today: string;
  onChange: (next: TRangeParams) => void;
}) {
  const t = useTranslations("dashboard.toolbar");
  const [customOpen, setCustomOpen] = useState(view.kind === "custom");
  const [draft, setDraft] = useState(resolved);
  const showCustom = customOpen || view.kind === "custom";
  const problem = showCustom ? rangeProblem(draft.from, draft.to) : null;

  const pickRange = (value: string) => {
    if (value === CUSTOM) {
      setCustomOpen(true);
      setDraft(resolved);
      onChange({ kind: "custom", ...resolved, channel: view.channel });
      return;
    }
    setCustomOpen(false);
    const preset = PRESETS.find((p) => p === value);
    if (preset) onChange({ kind: "preset", preset, channel: view.channel });
  };
  const editDate = (key: "from" | "to", value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (rangeProblem(next.from, next.to) === null)
      onChange({ kind: "custom", ...next, channel: view.channel });
  };
  const pickChannel = (value: string) => onChange({ ...view, channel: CHANNELS.find((c) => c === value) });

  const errorText = problem ? t(`problem.${problem}`, { max: MAX_SPAN_DAYS }) : null;
  return (
    <div className="grid min-w-0 gap-3" role="group" aria-label={t("label")}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid min-w-40 flex-1 gap-1.5 sm:flex-none">
          <Label htmlFor="dashboard-range">{t("range")}</Label>
          <Select
            value={showCustom ? CUSTOM : view.kind === "preset" ? view.preset : CUSTOM}
            onValueChange={pickRange}
          >
            <SelectTrigger id="dashboard-range" className="sm:w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PRESETS.map((p) => (
                <SelectItem key={p} value={p}>
                  {t(`presets.${p}`)}
                </SelectItem>
              ))}
              <SelectItem value={CUSTOM}>{t("presets.custom")}</SelectItem>
            </SelectContent>
          </Select>
        </div>
        {showCustom && (
          <>
            <div className="grid min-w-36 flex-1 gap-1.5 sm:flex-none">
              <Label htmlFor="dashboard-from">{t("from")}</Label>
              <Input
                id="dashboard-from"
                type="date"
                value={draft.from}
                max={today}
                onChange={(e) => editDate("from", e.target.value)}
                aria-invalid={errorText ? true : undefined}
                aria-describedby={errorText ? "dashboard-range-error" : undefined}
              />
            </div>
            <div className="grid min-w-36 flex-1 gap-1.5 sm:flex-none">
              <Label htmlFor="dashboard-to">{t("to")}</Label>
              <Input
                id="dashboard-to"
                type="date"
                value={draft.to}
                max={today}
                onChange={(e) => editDate("to", e.target.value)}
                aria-invalid={errorText ? true : undefined}
                aria-describedby={errorText ? "dashboard-range-error" : undefined}
              />
            </div>
          </>
        )}
        <div className="grid min-w-40 flex-1 gap-1.5 sm:flex-none">
          <Label htmlFor="dashboard-channel">{t("channel")}</Label>
          <Select value={view.channel ?? ALL} onValueChange={pickChannel}>
            <SelectTrigger id="dashboard-channel" className="sm:w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("channels.all")}</SelectItem>
              {CHANNELS.map((c) => (
                <SelectItem key={c} value={c}>
                  {t(`channels.${c}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      {errorText && (
        <p id="dashboard-range-error" role="alert" className="text-[13px] text-destructive-soft-foreground">
          {errorText}
        </p>
      )}
    </div>
  );
}
