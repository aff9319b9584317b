import { z } from "zod";

// Inputs of the review queue (tRPC validates with these, the services parse them again).

export const LEARNED_STATUSES = [
  "PENDING",
  "AUTO_APPROVED",
  "APPROVED",
  "REJECTED",
  "MERGED",
  "DISCARDED",
] as const;
export const ZLearnedStatus = z.enum(LEARNED_STATUSES);
export const ZAnsweredBy = z.enum(["HUMAN", "BOT"]);
export type TAnsweredBy = z.infer<typeof ZAnsweredBy>;

export const ZListReviewInput = z.object({
  status: ZLearnedStatus.optional(),
  answeredBy: ZAnsweredBy.optional(),
  search: z.string().trim().max(200).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const ZApproveInput = z.object({
  id: z.string().uuid(),
  // edit-and-approve: the reviewer's wording replaces the learned one
  question: z.string().trim().min(1).max(1000).optional(),
  answer: z.string().trim().min(1).max(10_000).optional(),
});

export const ZRejectInput = z.object({
  id: z.string().uuid(),
  note: z.string().trim().max(500).optional(),
});

export const ZBulkInput = z.object({
  ids: z.array(z.string().uuid()).min(1).max(100),
  action: z.enum(["approve", "reject"]),
  note: z.string().trim().max(500).optional(),
});

export const ZRevertInput = z.object({ id: z.string().uuid() });

/** One extracted question/answer pair before routing. */
export type TCandidate = {
  question: string;
  answer: string;
  answeredBy: TAnsweredBy;
  confidence: number;
};

export const ZReviewItemView = z.object({
  id: z.string(),
  conversationId: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  confidence: z.number(),
  answeredBy: z.string(),
  status: ZLearnedStatus,
  reviewerId: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  reviewNote: z.string().nullable(),
  qaPairId: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  createdAt: z.date(),
  excerpt: z.array(z.object({ role: z.string(), content: z.string(), createdAt: z.date() })),
});

export const ZReviewList = z.object({
  items: z.array(ZReviewItemView),
  nextCursor: z.string().nullable(),
  total: z.number(),
});

export const ZReviewCounts = z.record(ZLearnedStatus, z.number());
