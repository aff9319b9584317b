"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * A number set with a slider or typed into the box next to it (both labelled by the field's label).
 * With `percent`, a 0–1 value is shown and typed as 0–100 %.
 */
export function RangeField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  min,
  max,
  step,
  percent,
  disabled,
  className,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  step: number;
  percent?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  const scale = percent ? 100 : 1;
  const shown = (v: number) => String(Math.round(v * scale * 100) / 100);
  // the box keeps what is typed ("1." on the way to "1.5"); the slider moves when it parses
  const [text, setText] = useState(() => shown(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (Number(text) / scale !== value) setText(shown(value));
  }
  const described = error ? `${id}-error` : `${id}-hint`;

  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={label}
          aria-describedby={described}
          aria-valuetext={percent ? `${shown(value)}%` : undefined}
          min={min}
          max={max}
          step={step}
          value={Number.isFinite(value) ? value : min}
          onChange={(e) => onChange(Number(e.target.value))}
          disabled={disabled}
          className="h-9 min-w-0 flex-1 cursor-pointer accent-primary disabled:cursor-default disabled:opacity-60"
        />
        <div className="relative w-24 shrink-0">
          <Input
            id={id}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => {
              setText(e.target.value);
              const n = e.target.value.trim() === "" ? NaN : Number(e.target.value.replace(",", "."));
              onChange(n / scale);
            }}
            onBlur={() => Number.isFinite(value) && setText(shown(value))}
            className={cn("tabular-nums", percent && "pr-7")}
          />
          {percent && (
            <span
              className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-[13px] text-muted-foreground"
              aria-hidden
            >
              %
            </span>
          )}
        </div>
      </div>
    </Field>
  );
}
