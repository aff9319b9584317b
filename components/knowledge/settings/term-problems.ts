"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { TERM_MAX, type TTermProblem } from "./parse-terms";

/** One localised sentence per problem parseTerms found. */
export function useTermProblemText() {
  const t = useTranslations("knowledge.settings.terms");
  return useCallback(
    (p: TTermProblem) =>
      p.kind === "space"
        ? t("space", { term: p.term })
        : p.kind === "tooLong"
          ? t("tooLong", { term: p.term.slice(0, 12) + "…", max: TERM_MAX })
          : t("tooMany", { max: p.max }),
    [t],
  );
}
