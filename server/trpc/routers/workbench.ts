import { z } from "zod";
import { listAgents, getMe } from "../../services/workbench/agents";
import { sendAgentReply, addInternalNote } from "../../services/workbench/agent-reply";
import { getConversationDetail } from "../../services/workbench/conversation-detail";
import { getCustomerPanel } from "../../services/workbench/customer-panel";
import { countInbox, listInbox } from "../../services/workbench/inbox-query";
import { setPresence } from "../../services/workbench/presence";
import { closeConversation, releaseToBot } from "../../services/workbench/release-close";
import { takeOverConversation } from "../../services/workbench/takeover";
import { cancelTransfer, requestTransfer, respondTransfer } from "../../services/workbench/transfer";
import { sendAgentTyping } from "../../services/workbench/typing";
import type { TWorkbenchActor } from "../../services/workbench/workbench-actor";
import {
  ZAgentItem,
  ZCancelTransferInput,
  ZCloseInput,
  ZConversationDetail,
  ZConversationInput,
  ZCounts,
  ZCustomerPanel,
  ZInboxInput,
  ZInboxOutput,
  ZMe,
  ZMessageResult,
  ZNoteInput,
  ZReplyInput,
  ZRespondTransferInput,
  ZRespondTransferResult,
  ZSetPresenceInput,
  ZTakeOverResult,
  ZTransferInput,
  ZTransferResult,
  ZTypingInput,
} from "../../services/workbench/workbench-schemas";
import { createRouter, tenantProcedure } from "../init";
import { ZOk } from "../schemas";

// The human workbench (PRODUCT.md §10). Every procedure needs workbench.use (AGENT and above); the
// services decide who may act on a conversation (its assignee, or an ADMIN/OWNER where allowed).

const workbench = () => tenantProcedure("workbench.use");

function actorOf(ctx: {
  user: { id: string; name: string };
  role: TWorkbenchActor["role"];
}): TWorkbenchActor {
  return { userId: ctx.user.id, name: ctx.user.name, role: ctx.role };
}

export const workbenchRouter = createRouter({
  inbox: workbench()
    .input(ZInboxInput)
    .output(ZInboxOutput)
    .query(({ ctx, input }) => listInbox(ctx.tenant.id, ctx.user.id, input)),

  counts: workbench()
    .output(ZCounts)
    .query(({ ctx }) => countInbox(ctx.tenant.id, ctx.user.id)),

  conversation: workbench()
    .input(ZConversationInput)
    .output(ZConversationDetail)
    .query(({ ctx, input }) => getConversationDetail(ctx.tenant.id, input.conversationId)),

  customer: workbench()
    .input(ZConversationInput)
    .output(ZCustomerPanel)
    .query(({ ctx, input }) => getCustomerPanel(ctx.tenant.id, input.conversationId)),

  agents: workbench()
    .output(z.array(ZAgentItem))
    .query(({ ctx }) => listAgents(ctx.tenant.id)),

  me: workbench()
    .output(ZMe)
    .query(({ ctx }) => getMe(ctx.tenant.id, ctx.user.id)),

  takeOver: workbench()
    .input(ZConversationInput)
    .output(ZTakeOverResult)
    .mutation(({ ctx, input }) => takeOverConversation(ctx.tenant.id, actorOf(ctx), input.conversationId)),

  reply: workbench()
    .input(ZReplyInput)
    .output(ZMessageResult)
    .mutation(({ ctx, input }) => sendAgentReply(ctx.tenant.id, actorOf(ctx), input)),

  note: workbench()
    .input(ZNoteInput)
    .output(ZMessageResult)
    .mutation(({ ctx, input }) => addInternalNote(ctx.tenant.id, actorOf(ctx), input)),

  transfer: workbench()
    .input(ZTransferInput)
    .output(ZTransferResult)
    .mutation(({ ctx, input }) => requestTransfer(ctx.tenant.id, actorOf(ctx), input)),

  respondTransfer: workbench()
    .input(ZRespondTransferInput)
    .output(ZRespondTransferResult)
    .mutation(({ ctx, input }) => respondTransfer(ctx.tenant.id, actorOf(ctx), input)),

  cancelTransfer: workbench()
    .input(ZCancelTransferInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => cancelTransfer(ctx.tenant.id, actorOf(ctx), input.transferId)),

  release: workbench()
    .input(ZConversationInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => releaseToBot(ctx.tenant.id, actorOf(ctx), input.conversationId)),

  close: workbench()
    .input(ZCloseInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => closeConversation(ctx.tenant.id, actorOf(ctx), input)),

  setPresence: workbench()
    .input(ZSetPresenceInput)
    .output(ZOk)
    .mutation(({ ctx, input }) => setPresence(ctx.tenant.id, ctx.user.id, input.presence)),

  typing: workbench()
    .input(ZTypingInput)
    .output(ZOk)
    .mutation(({ ctx, input }) =>
      sendAgentTyping(ctx.tenant.id, ctx.user.id, input.conversationId, input.on),
    ),
});
