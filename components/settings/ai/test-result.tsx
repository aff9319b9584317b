"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { TTestResult } from "./provider-kinds";

/** The outcome of "test connection": the latency, or what went wrong in words an admin can act on. */
export function TestResult({ result }: { result: TTestResult }) {
  const t = useTranslations("aiSettings.test");
  if (result.ok) {
    return (
      <Alert variant="success" title={t("ok", { ms: result.latencyMs })}>
        {result.dimension !== null && <p>{t("dimension", { dim: result.dimension })}</p>}
      </Alert>
    );
  }
  const kind = result.error?.kind ?? "network";
  return (
    <Alert variant="destructive" title={t(`kinds.${kind}`)}>
      <p className="break-words opacity-80">{result.error?.message}</p>
    </Alert>
  );
}
