import { z } from "zod";
import {
  ZApproveInput,
  ZBulkInput,
  ZListReviewInput,
  ZRejectInput,
  ZReviewCounts,
  ZReviewList,
  ZRevertInput,
} from "../../services/learning/learning-schemas";
import {
  approveItem,
  bulkReview,
  listReviewItems,
  rejectItem,
  reviewCounts,
} from "../../services/learning/review-queue";
import { revertAutoApproval } from "../../services/learning/route-candidate";
import { createRouter, tenantProcedure } from "../init";
import { ZOk } from "../schemas";

// The learning loop's review queue (PRODUCT.md §8): reviewers list, approve (optionally edited),
// reject, act in bulk, and revert automatic approvals.
export const reviewRouter = createRouter({
  list: tenantProcedure("review.use")
    .input(ZListReviewInput)
    .output(ZReviewList)
    .query(({ ctx, input }) => listReviewItems(ctx.tenant.id, input)),

  counts: tenantProcedure("review.use")
    .output(ZReviewCounts)
    .query(({ ctx }) => reviewCounts(ctx.tenant.id)),

  approve: tenantProcedure("review.use")
    .input(ZApproveInput)
    .output(z.object({ ok: z.literal(true), qaPairId: z.string() }))
    .mutation(({ ctx, input }) => approveItem(ctx.tenant.id, ctx.user.id, input)),

  reject: tenantProcedure("review.use")
    .input(ZRejectInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => rejectItem(ctx.tenant.id, ctx.user.id, input)),

  bulk: tenantProcedure("review.use")
    .input(ZBulkInput)
    .output(z.object({ done: z.number(), skipped: z.array(z.string()) }))
    .mutation(({ ctx, input }) => bulkReview(ctx.tenant.id, ctx.user.id, input)),

  revertAutoApproval: tenantProcedure("review.use")
    .input(ZRevertInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => revertAutoApproval(ctx.tenant.id, ctx.user.id, input.id)),
});
