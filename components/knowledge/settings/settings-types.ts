import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>["knowledge"];

export type TIndexStatus = TOutputs["indexStatus"];
export type TRetrieval = TOutputs["settings"]["get"];
export type TLexicon = TOutputs["lexicon"]["get"];

/** DEFAULT_RETRIEVAL and the ranges of ZRetrievalSettings (server/services/knowledge/search/retrieval-settings.ts). */
export const RETRIEVAL_DEFAULTS: TRetrieval = {
  vectorWeight: 1.5,
  keywordWeight: 1,
  fusion: "score",
  directAnswerThreshold: 0.9,
};
export const WEIGHT_RANGE = { min: 0, max: 10, step: 0.1 } as const;
export const THRESHOLD_RANGE = { min: 0.5, max: 1, step: 0.01 } as const;
