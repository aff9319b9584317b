import { z } from "zod";
import {
  ZCannedReplyView,
  ZCreateCannedReplyInput,
  ZListCannedRepliesInput,
  ZUpdateCannedReplyInput,
} from "../../services/canned-replies/canned-reply-schemas";
import {
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
} from "../../services/canned-replies/manage-canned-replies";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

// Agents read canned replies (the workbench composer); admins edit them (support settings).
export const cannedRepliesRouter = createRouter({
  list: tenantProcedure("workbench.use")
    .input(ZListCannedRepliesInput)
    .output(z.array(ZCannedReplyView))
    .query(({ ctx, input }) => listCannedReplies(ctx.tenant.id, input)),

  create: tenantProcedure("rules.manage")
    .input(ZCreateCannedReplyInput)
    .output(ZCannedReplyView)
    .mutation(({ ctx, input }) =>
      createCannedReply(ctx.tenant.id, actorOf(ctx), { shortcut: input.shortcut, content: input.content }),
    ),

  update: tenantProcedure("rules.manage")
    .input(ZUpdateCannedReplyInput.extend({ cannedReplyId: ZId }))
    .output(ZCannedReplyView)
    .mutation(({ ctx, input }) =>
      updateCannedReply(ctx.tenant.id, actorOf(ctx), input.cannedReplyId, {
        shortcut: input.shortcut,
        content: input.content,
      }),
    ),

  delete: tenantProcedure("rules.manage")
    .input(z.object({ cannedReplyId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteCannedReply(ctx.tenant.id, actorOf(ctx), input.cannedReplyId)),
});
