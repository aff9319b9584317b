"use client";

import { useTranslations } from "next-intl";
import { Field, fieldProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

/** A word list typed one per line (or separated by commas). */
export function WordField({
  id,
  label,
  hint,
  value,
  onChange,
  rows = 3,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  const t = useTranslations("botSettings");
  return (
    <Field id={id} label={label} hint={hint ?? t("wordsHint")}>
      <Textarea
        {...fieldProps(id, null, true)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={rows}
        className="min-h-0 resize-y"
      />
    </Field>
  );
}
