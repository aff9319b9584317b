import type { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { conversationExcerpts } from "./conversation-excerpt";
import {
  LEARNED_STATUSES,
  type ZApproveInput,
  type ZBulkInput,
  type ZListReviewInput,
  type ZRejectInput,
} from "./learning-schemas";
import { publishLearned } from "./publish-learned";
import { cursorPage, questionAnswerSearch } from "../../db/cursor-page";

// The reviewer's side of the learning loop. Only PENDING items can be approved or rejected; approval
// publishes the (possibly edited) pair to the knowledge base before the item is marked, so an item is
// never APPROVED without its Q&A pair. The status change is conditional: two reviewers cannot both
// act on the same item.

const ITEM_SELECT = {
  id: true,
  conversationId: true,
  question: true,
  answer: true,
  confidence: true,
  answeredBy: true,
  status: true,
  reviewerId: true,
  reviewedAt: true,
  reviewNote: true,
  qaPairId: true,
  mergedIntoId: true,
  createdAt: true,
} as const;

export async function listReviewItems(tenantId: string, input: z.infer<typeof ZListReviewInput>) {
  const client = await db();
  const where = {
    tenantId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.answeredBy ? { answeredBy: input.answeredBy } : {}),
    ...questionAnswerSearch(input.search),
  };
  const [rows, total] = await Promise.all([
    client.learnedKnowledge.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: ITEM_SELECT,
    }),
    client.learnedKnowledge.count({ where }),
  ]);
  const { items, nextCursor } = cursorPage(rows, input.limit);
  const excerpts = await conversationExcerpts(tenantId, items);
  return {
    items: items.map((r) => ({ ...r, excerpt: excerpts.get(`${r.conversationId}:${r.question}`) ?? [] })),
    nextCursor,
    total,
  };
}

async function loadPending(tenantId: string, id: string) {
  const client = await db();
  const item = await client.learnedKnowledge.findFirst({ where: { id, tenantId }, select: ITEM_SELECT });
  if (!item) throw notFound("Learned item");
  if (item.status !== "PENDING") throw new AppError("CONFLICT", "The item has been reviewed already");
  return item;
}

export async function approveItem(
  tenantId: string,
  reviewerId: string,
  input: z.infer<typeof ZApproveInput>,
) {
  const item = await loadPending(tenantId, input.id);
  const question = input.question ?? item.question;
  const answer = input.answer ?? item.answer;
  const qaPairId = await publishLearned(tenantId, { id: item.id, question, answer }, reviewerId);
  const client = await db();
  const moved = await client.learnedKnowledge.updateMany({
    where: { id: item.id, tenantId, status: "PENDING" },
    data: { status: "APPROVED", question, answer, qaPairId, reviewerId, reviewedAt: new Date() },
  });
  if (moved.count === 0) throw new AppError("CONFLICT", "The item changed meanwhile; reload it");
  return { ok: true as const, qaPairId };
}

export async function rejectItem(tenantId: string, reviewerId: string, input: z.infer<typeof ZRejectInput>) {
  const client = await db();
  const moved = await client.learnedKnowledge.updateMany({
    where: { id: input.id, tenantId, status: "PENDING" },
    data: { status: "REJECTED", reviewerId, reviewedAt: new Date(), reviewNote: input.note ?? null },
  });
  if (moved.count === 0) await loadPending(tenantId, input.id); // tells NOT_FOUND from CONFLICT
  return { ok: true as const };
}

/** Bulk actions go item by item: one item reviewed meanwhile does not fail the others. */
export async function bulkReview(tenantId: string, reviewerId: string, input: z.infer<typeof ZBulkInput>) {
  const ids = [...new Set(input.ids)];
  const client = await db();
  const own = await client.learnedKnowledge.count({ where: { tenantId, id: { in: ids } } });
  if (own !== ids.length) throw notFound("Learned item");
  let done = 0;
  const skipped: string[] = [];
  for (const id of ids) {
    try {
      if (input.action === "approve") await approveItem(tenantId, reviewerId, { id });
      else await rejectItem(tenantId, reviewerId, { id, note: input.note });
      done++;
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "CONFLICT") throw e;
      skipped.push(id);
    }
  }
  return { done, skipped };
}

/** Counts by status, for the dashboard and the queue's tabs. */
export async function reviewCounts(tenantId: string) {
  const client = await db();
  const groups = await client.learnedKnowledge.groupBy({
    by: ["status"],
    where: { tenantId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(LEARNED_STATUSES.map((s) => [s, 0])) as Record<
    (typeof LEARNED_STATUSES)[number],
    number
  >;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
