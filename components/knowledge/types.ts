import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>["knowledge"];

export type TQaItem = TOutputs["qa"]["list"]["items"][number];
export type TImportPreview = TOutputs["import"]["preview"];
export type TSearchResult = TOutputs["search"];
export type TSearchHit = TSearchResult["hits"][number];

/** Field limits of server/services/knowledge/qa/qa-schemas.ts, checked before sending. */
export const QA_LIMITS = { question: 1000, answer: 10_000, topic: 100, category: 100 } as const;

/** The largest file the import accepts (server/services/knowledge/qa/parse-qa-file.ts). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A long question cut for labels ("Delete: …"), so screen readers do not read a paragraph. */
export function shortText(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
