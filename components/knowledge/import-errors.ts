"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";

// The import service (server/services/knowledge/qa/parse-qa-file.ts, read-table.ts, qa-schemas.ts)
// explains a refused file or row in English. Known sentences get the UI's language here; anything
// else falls back to a general sentence with the server's words as the detail.

export type TImportError = { text: string; detail?: string };

const REASONS: [RegExp, string][] = [
  [/^question is empty$/i, "questionEmpty"],
  [/^answer is empty$/i, "answerEmpty"],
  [/^question is longer than/i, "questionTooLong"],
  [/^answer is longer than/i, "answerTooLong"],
  [/^too big/i, "fieldTooLong"],
];

export function useImportErrorText() {
  const t = useTranslations("knowledge.import.errors");
  const errorText = useErrorText();
  return useCallback(
    (error: unknown): TImportError => {
      const p = parseError(error);
      const m = p.message;
      if (p.code === "PAYLOAD_TOO_LARGE" || /larger than/i.test(m)) return { text: t("tooLarge") };
      if (p.code !== "BAD_REQUEST") return { text: errorText(error) };
      if (/needs .*(问题|question)/i.test(m)) return { text: t("noColumns") };
      if (/file is empty/i.test(m)) return { text: t("empty") };
      if (/has no rows/i.test(m)) return { text: t("noRows") };
      if (/\.csv or \.xlsx/i.test(m)) return { text: t("wrongType") };
      const many = /at most (\d+) rows/i.exec(m);
      if (many) return { text: t("tooManyRows", { max: Number(many[1]) }) };
      return { text: t("unreadable"), detail: m || undefined };
    },
    [t, errorText],
  );
}

/** A rejected row's reason in the UI's language when it is one of the known ones. */
export function useRejectReason() {
  const t = useTranslations("knowledge.import.reasons");
  return useCallback(
    (reason: string) => {
      const known = REASONS.find(([re]) => re.test(reason.trim()));
      return known ? t(known[1]) : reason;
    },
    [t],
  );
}
