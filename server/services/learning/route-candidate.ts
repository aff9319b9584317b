import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { deleteQa } from "../knowledge/qa/manage-qa";
import { findDuplicateQa } from "./dedupe";
import type { TCandidate } from "./learning-schemas";
import { publishLearned } from "./publish-learned";

// PRODUCT.md §8: ≥ 0.80 approved automatically (visible in the queue, reversible), 0.70–0.80 to the
// review queue, below discarded. Discarded items are kept (status DISCARDED) so the queue can show
// what the loop threw away; near-duplicates of existing knowledge are MERGED into the pair they repeat.

export const AUTO_APPROVE_AT = 0.8;
export const REVIEW_AT = 0.7;

export type TRoute = "AUTO_APPROVED" | "PENDING" | "DISCARDED";

export function routeFor(confidence: number): TRoute {
  if (confidence >= AUTO_APPROVE_AT) return "AUTO_APPROVED";
  if (confidence >= REVIEW_AT) return "PENDING";
  return "DISCARDED";
}

export async function routeCandidate(
  tenantId: string,
  conversationId: string,
  candidate: TCandidate,
): Promise<{ id: string; status: TRoute | "MERGED"; created: boolean }> {
  const client = await db();
  // a retried job must not learn the same question twice
  const existing = await client.learnedKnowledge.findFirst({
    where: { tenantId, conversationId, question: candidate.question },
    select: { id: true, status: true },
  });
  if (existing) return { id: existing.id, status: existing.status as TRoute | "MERGED", created: false };
  const route = routeFor(candidate.confidence);
  const duplicate = route === "DISCARDED" ? null : await findDuplicateQa(tenantId, candidate.question);
  const status = duplicate ? "MERGED" : route;
  const item = await client.learnedKnowledge.create({
    data: {
      tenantId,
      conversationId,
      question: candidate.question,
      answer: candidate.answer,
      confidence: candidate.confidence,
      answeredBy: candidate.answeredBy,
      status,
      mergedIntoId: duplicate?.qaPairId ?? null,
    },
    select: { id: true, question: true, answer: true },
  });
  if (status === "AUTO_APPROVED") {
    const qaPairId = await publishLearned(tenantId, item, null);
    await client.learnedKnowledge.updateMany({ where: { id: item.id, tenantId }, data: { qaPairId } });
  }
  return { id: item.id, status, created: true };
}

/** Undoes an automatic approval: the Q&A pair leaves the knowledge base and the item is REJECTED. */
export async function revertAutoApproval(tenantId: string, reviewerId: string, id: string) {
  const client = await db();
  const item = await client.learnedKnowledge.findFirst({
    where: { id, tenantId },
    select: { status: true, qaPairId: true },
  });
  if (!item) throw notFound("Learned item");
  if (item.status !== "AUTO_APPROVED")
    throw new AppError("CONFLICT", "Only automatic approvals can be reverted");
  const moved = await client.learnedKnowledge.updateMany({
    where: { id, tenantId, status: "AUTO_APPROVED" },
    data: { status: "REJECTED", reviewerId, reviewedAt: new Date(), reviewNote: "auto-approval reverted" },
  });
  if (moved.count === 0) throw new AppError("CONFLICT", "The item changed meanwhile; reload it");
  // the pair may have been deleted in the KB editor already; the revert still stands
  if (item.qaPairId) await deleteQa(tenantId, item.qaPairId).catch(() => undefined);
  return { ok: true as const };
}
