import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type TReviewItem = inferRouterOutputs<AppRouter>["review"]["list"]["items"][number];
export type TReviewStatus = TReviewItem["status"];

export const REVIEW_STATUSES: TReviewStatus[] = [
  "PENDING",
  "AUTO_APPROVED",
  "APPROVED",
  "REJECTED",
  "MERGED",
  "DISCARDED",
];

// the limits of the review router's inputs (learning-schemas.ts)
export const REVIEW_LIMITS = { question: 1000, answer: 10_000, note: 500 } as const;

export const shortText = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max)}…` : s);
