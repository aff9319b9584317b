import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import { publishLive } from "../../realtime/live-events";
import { lockCapacity } from "./capacity";
import { announceOutgoing, storeOutgoing } from "./outgoing-messages";
import { systemLine } from "./system-lines";
import type { TWorkbenchActor } from "./workbench-actor";
import type { TTakeOverResult } from "./workbench-schemas";

// Taking a conversation from the queue (PENDING_HUMAN), from the bot (BOT) or from the tickets
// (TICKET). The move is one conditional UPDATE (status as read, no assignee): when two agents race,
// PostgreSQL re-checks the condition for the second one after the first commits, so exactly one
// wins and the other is told who has it. Capacity is counted under a lock on the agent's membership.

type TTakeable = "PENDING_HUMAN" | "BOT" | "TICKET";

export async function takeOverConversation(
  tenantId: string,
  actor: TWorkbenchActor,
  conversationId: string,
): Promise<TTakeOverResult> {
  const client = await db();
  const outcome = await client.$transaction(async (tx) => {
    const conv = await tx.conversation.findFirst({
      where: { id: conversationId, tenantId },
      select: { status: true, assigneeId: true, channel: true, tenant: { select: { language: true } } },
    });
    if (!conv) return { ok: false as const, reason: "not_found" as const };
    if (conv.status === "HUMAN" && conv.assigneeId === actor.userId)
      return { ok: true as const, channel: null, line: null };
    if (conv.status === "CLOSED") return { ok: false as const, reason: "closed" as const };
    if (conv.status === "HUMAN") return lost(tx, tenantId, conversationId);

    const capacity = await lockCapacity(tx, tenantId, actor.userId);
    if (!capacity || capacity.full) return { ok: false as const, reason: "at_capacity" as const };

    const fromStatus = conv.status as TTakeable;
    const moved = await tx.conversation.updateMany({
      where: { id: conversationId, tenantId, status: fromStatus, assigneeId: null },
      data: {
        status: "HUMAN",
        assigneeId: actor.userId,
        botFailureStreak: 0,
        // stepping in on the bot counts as an escalation: its SLA clock starts now
        ...(fromStatus === "BOT" ? { escalatedAt: new Date(), escalationReason: "agent_takeover" } : {}),
      },
    });
    if (moved.count === 0) return lost(tx, tenantId, conversationId);

    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId,
        type: "taken_over",
        fromStatus,
        toStatus: "HUMAN",
        actorId: actor.userId,
        data: { agentName: actor.name },
      },
    });
    const line = await storeOutgoing(tx, {
      tenantId,
      conversationId,
      channel: conv.channel,
      role: "SYSTEM",
      content: systemLine("joined", conv.tenant.language, actor.name),
      authorId: actor.userId,
    });
    return { ok: true as const, channel: conv.channel, line };
  });

  if (!outcome.ok) return outcome;
  if (outcome.line && outcome.channel) {
    await publishLive({
      type: "conversation",
      tenantId,
      conversationId,
      status: "HUMAN",
      assigneeId: actor.userId,
      change: "taken_over",
      agentName: actor.name,
    });
    await announceOutgoing(tenantId, conversationId, outcome.channel, [outcome.line]);
  }
  return { ok: true };
}

/** Why the conditional update found nothing: someone else has it, or it was closed meanwhile. */
async function lost(
  tx: Prisma.TransactionClient,
  tenantId: string,
  conversationId: string,
): Promise<TTakeOverResult & { ok: false }> {
  const now = await tx.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: { status: true, assigneeId: true },
  });
  if (!now) return { ok: false, reason: "not_found" };
  if (now.status === "CLOSED") return { ok: false, reason: "closed" };
  if (!now.assigneeId) return { ok: false, reason: "already_taken" };
  const member = await tx.membership.findFirst({
    where: { tenantId, userId: now.assigneeId },
    select: { user: { select: { name: true } } },
  });
  return { ok: false, reason: "already_taken", ...(member ? { assigneeName: member.user.name } : {}) };
}
