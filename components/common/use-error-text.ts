"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { parseError, type TErrorCode } from "./trpc-error";

/**
 * Returns a function that turns any error into a localised sentence, by error code. Callers pass
 * overrides for codes whose meaning depends on the screen (e.g. CONFLICT on the invite form).
 */
export function useErrorText() {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown, overrides: Partial<Record<TErrorCode, string>> = {}) => {
      const { code } = parseError(error);
      return overrides[code] ?? t(code);
    },
    [t],
  );
}
