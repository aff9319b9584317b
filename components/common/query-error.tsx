"use client";

import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorText } from "./use-error-text";

/** A failed load with a retry button. */
export function QueryError({
  error,
  onRetry,
  className,
}: {
  error: unknown;
  onRetry: () => void;
  className?: string;
}) {
  const t = useTranslations("common");
  const errorText = useErrorText();
  return (
    <Alert variant="destructive" title={t("loadFailed")} className={className} live>
      <p>{errorText(error)}</p>
      <Button variant="outline" size="sm" className="mt-3 bg-card" onClick={onRetry}>
        <RotateCw aria-hidden />
        {t("retry")}
      </Button>
    </Alert>
  );
}
