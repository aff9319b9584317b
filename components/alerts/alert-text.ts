"use client";

import { useFormatter, useTranslations } from "next-intl";

// One localized line for an alert: its title by kind and its measured value. Kinds this version does
// not know (rows written by a newer one) fall back to the stored English message.

const KINDS = ["ERROR_RATE", "SLOW_RESPONSE", "TOKEN_BUDGET", "DEVICE_OFFLINE", "WAITING_SLA"];

export function useAlertText() {
  const t = useTranslations("alerts");
  const format = useFormatter();
  return (e: { kind: string; value: number | null; message: string }) => {
    if (!KINDS.includes(e.kind)) return { title: e.kind, detail: e.message };
    const value = e.value ?? 0;
    const detail = t(`value.${e.kind}`, {
      value: e.kind === "DEVICE_OFFLINE" || e.kind === "WAITING_SLA" ? value : format.number(value),
      names: e.message,
    });
    return { title: t(`kind.${e.kind}`), detail };
  };
}
