"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";

type TPatch = { replyThreshold?: number; clarifyThreshold?: number };

function Threshold({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (v: number) => void;
}) {
  const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 100) / 100));
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium">
        {label}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={value}
          onChange={(e) => onChange(clamp(Number(e.target.value)))}
          className="h-2 flex-1 cursor-pointer accent-primary"
          aria-describedby="thresholds-help"
        />
        <Input
          type="number"
          aria-label={label}
          min={0}
          max={1}
          step={0.01}
          value={value}
          onChange={(e) => e.target.value !== "" && onChange(clamp(Number(e.target.value)))}
          className="w-20 tabular-nums"
        />
      </div>
    </div>
  );
}

/** The two thresholds with a bar showing which confidence leads to transfer, clarify or reply. */
export function ThresholdBar({
  reply,
  clarify,
  error,
  onChange,
}: {
  reply: number;
  clarify: number;
  error?: string;
  onChange: (p: TPatch) => void;
}) {
  const t = useTranslations("botSettings.thresholds");
  const format = useFormatter();
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const num = (n: number) => format.number(n, { maximumFractionDigits: 2 });
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-[13px] font-medium">{t("title")}</legend>
      <div className="flex h-7 overflow-hidden rounded-md text-[11px] font-medium" aria-hidden>
        <div
          className="flex items-center justify-center bg-destructive-soft text-destructive-soft-foreground"
          style={{ width: pct(clarify) }}
        >
          {clarify >= 0.12 && t("transfer")}
        </div>
        <div
          className="flex items-center justify-center bg-warning-soft text-warning-soft-foreground"
          style={{ width: pct(Math.max(0, reply - clarify)) }}
        >
          {reply - clarify >= 0.12 && t("clarify")}
        </div>
        <div className="flex flex-1 items-center justify-center bg-success-soft text-success-soft-foreground">
          {1 - reply >= 0.12 && t("reply")}
        </div>
      </div>
      <p id="thresholds-help" className="text-[13px] text-muted-foreground">
        {t("help", { reply: num(reply), clarify: num(clarify) })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Threshold
          id="bot-reply"
          label={t("replyLabel")}
          value={reply}
          onChange={(v) => onChange({ replyThreshold: v })}
        />
        <Threshold
          id="bot-clarify"
          label={t("clarifyLabel")}
          value={clarify}
          onChange={(v) => onChange({ clarifyThreshold: v })}
        />
      </div>
      {error && <p className="text-[13px] text-destructive-soft-foreground">{error}</p>}
    </fieldset>
  );
}
