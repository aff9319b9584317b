"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

// The document service explains a refused or failed file in English (manage-documents.ts,
// detect-format.ts, parse-document.ts, parse-pdf.ts, parse-sheet.ts, ingest-document.ts), and a failed
// document keeps that sentence. Known sentences get the UI's language here, as import-errors.ts does
// for Q&A files; anything else is shown as a general sentence with the server's words as the detail.

export type TDocumentProblem = { text: string; detail?: string };

type TKey =
  | "empty"
  | "tooLarge"
  | "timeout"
  | "noText"
  | "unsupported"
  | "mismatch"
  | "protectedOrOld"
  | "tooManyPages"
  | "failed";

const REASONS: [RegExp, TKey][] = [
  [/^the file is empty/i, "empty"],
  [/larger than (\d+) MB/i, "tooLarge"],
  [/took too long to read \(over ([^)]+)\)/i, "timeout"],
  [/^no text could be extracted/i, "noText"],
  [/^unsupported file type/i, "unsupported"],
  [/does not match its \.(\w+) extension/i, "mismatch"],
  [/password-protected or in the old/i, "protectedOrOld"],
  [/has (\d+) pages; at most (\d+)/i, "tooManyPages"],
  [/^the document could not be processed$/i, "failed"],
];

/** The known reason a server sentence states, with its figures (a, b); null for anything else. */
export function documentProblem(message: string): { key: TKey; a: string; b: string } | null {
  for (const [pattern, key] of REASONS) {
    const m = pattern.exec(message);
    if (m) return { key, a: m[1] ?? "", b: m[2] ?? "" };
  }
  return null;
}

export function useDocumentProblemText() {
  const t = useTranslations("knowledge.docs.failure");
  return useCallback(
    (message: string): TDocumentProblem => {
      const known = documentProblem(message);
      if (known) return { text: t(known.key, { a: known.a, b: known.b }) };
      return { text: t("unreadable"), detail: message || undefined };
    },
    [t],
  );
}
