import type { z } from "zod";
import { emit } from "../../../inngest/emit";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import type { ConversationStatus } from "../../db/generated/prisma/enums";
import { AppError, notFound } from "../../errors";
import { logger } from "../../logging";
import { publishLive } from "../../realtime/live-events";
import { announceOutgoing, storeOutgoing, type TOutgoingRow } from "./outgoing-messages";
import { systemLine } from "./system-lines";
import { cancelPendingTransfers, publishTransfer } from "./transfer-events";
import { isSupervisor, type TWorkbenchActor } from "./workbench-actor";
import type { ZCloseInput } from "./workbench-schemas";

// Giving a conversation back to the bot, and closing it. The assignee may do both; OWNER/ADMIN may
// step in on anyone's conversation; a conversation nobody handles (BOT, PENDING_HUMAN, TICKET) may be
// closed by any agent (spam, duplicates). Updates are conditional on the status that was checked.

type TTx = Prisma.TransactionClient;
const UNASSIGNED: ConversationStatus[] = ["BOT", "PENDING_HUMAN", "TICKET"];

async function loadForChange(tx: TTx, tenantId: string, conversationId: string) {
  const conv = await tx.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: {
      status: true,
      assigneeId: true,
      channel: true,
      escalatedAt: true,
      firstResponseAt: true,
      tenant: { select: { language: true } },
    },
  });
  if (!conv) throw notFound("Conversation");
  return conv;
}

export async function releaseToBot(
  tenantId: string,
  actor: TWorkbenchActor,
  conversationId: string,
): Promise<{ ok: true }> {
  const client = await db();
  const done = await client.$transaction(async (tx) => {
    const conv = await loadForChange(tx, tenantId, conversationId);
    const mine = conv.status === "HUMAN" && conv.assigneeId === actor.userId;
    const supervising =
      isSupervisor(actor.role) && (conv.status === "HUMAN" || conv.status === "PENDING_HUMAN");
    if (!mine && !supervising)
      throw new AppError("CONFLICT", "Only the agent handling the conversation can release it");
    const moved = await tx.conversation.updateMany({
      where: { id: conversationId, tenantId, status: conv.status, assigneeId: conv.assigneeId },
      // a later escalation starts a new SLA clock (escalate.ts sets escalatedAt again), so the answered
      // one is kept in the event; escalatedAt stays, the pipeline reads it ("went to humans before")
      data: { status: "BOT", assigneeId: null, botFailureStreak: 0, firstResponseAt: null },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "The conversation changed meanwhile; reload it");
    const cancelled = await cancelPendingTransfers(tx, tenantId, conversationId);
    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId,
        type: "released",
        fromStatus: conv.status,
        toStatus: "BOT",
        actorId: actor.userId,
        data: {
          previousAssigneeId: conv.assigneeId,
          escalatedAt: conv.escalatedAt?.toISOString() ?? null,
          firstResponseAt: conv.firstResponseAt?.toISOString() ?? null,
        },
      },
    });
    const line = await storeOutgoing(tx, {
      tenantId,
      conversationId,
      channel: conv.channel,
      role: "SYSTEM",
      content: systemLine("released", conv.tenant.language),
      authorId: actor.userId,
    });
    return { channel: conv.channel, line, cancelled };
  });
  await announceChange(tenantId, conversationId, "BOT", "released", done.cancelled);
  await announceOutgoing(tenantId, conversationId, done.channel, [done.line]);
  return { ok: true };
}

export async function closeConversation(
  tenantId: string,
  actor: TWorkbenchActor,
  input: z.infer<typeof ZCloseInput>,
): Promise<{ ok: true }> {
  const client = await db();
  const { conversationId, outcome, requestSatisfaction } = input;
  const done = await client.$transaction(async (tx) => {
    const conv = await loadForChange(tx, tenantId, conversationId);
    if (conv.status === "CLOSED") throw new AppError("CONFLICT", "The conversation is already closed");
    const allowed =
      UNASSIGNED.includes(conv.status) || conv.assigneeId === actor.userId || isSupervisor(actor.role);
    if (!allowed) throw new AppError("CONFLICT", "Only the agent handling the conversation can close it");
    const now = new Date();
    const moved = await tx.conversation.updateMany({
      where: { id: conversationId, tenantId, status: conv.status, assigneeId: conv.assigneeId },
      data: { status: "CLOSED", closedAt: now, outcome },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "The conversation changed meanwhile; reload it");
    const cancelled = await cancelPendingTransfers(tx, tenantId, conversationId);
    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId,
        type: "closed",
        fromStatus: conv.status,
        toStatus: "CLOSED",
        actorId: actor.userId,
        data: { outcome, satisfactionRequested: requestSatisfaction },
      },
    });
    const lines: TOutgoingRow[] = [];
    if (requestSatisfaction)
      lines.push(
        await storeOutgoing(tx, {
          tenantId,
          conversationId,
          channel: conv.channel,
          role: "SYSTEM",
          content: systemLine("rateRequest", conv.tenant.language),
          authorId: actor.userId,
        }),
      );
    return { channel: conv.channel, lines, cancelled, assigneeId: conv.assigneeId };
  });
  await announceChange(tenantId, conversationId, "CLOSED", "closed", done.cancelled, {
    assigneeId: done.assigneeId,
    satisfactionRequested: requestSatisfaction,
  });
  await announceOutgoing(tenantId, conversationId, done.channel, done.lines);
  // learning and re-scoring run after the close has committed; they never undo or fail it
  await emit("kefu/conversation.closed", { tenantId, conversationId, reason: "closed" }).catch(
    (err: unknown) => logger().error({ err, tenantId }, "conversation.closed event failed"),
  );
  return { ok: true };
}

async function announceChange(
  tenantId: string,
  conversationId: string,
  status: "BOT" | "CLOSED",
  change: string,
  cancelled: { id: string; fromUserId: string; toUserId: string }[],
  extra: { assigneeId?: string | null; satisfactionRequested?: boolean } = {},
) {
  for (const t of cancelled) await publishTransfer(tenantId, conversationId, t.id, t, "CANCELLED");
  await publishLive({
    type: "conversation",
    tenantId,
    conversationId,
    status,
    assigneeId: extra.assigneeId ?? null,
    change,
    ...(extra.satisfactionRequested !== undefined
      ? { satisfactionRequested: extra.satisfactionRequested }
      : {}),
  });
}
