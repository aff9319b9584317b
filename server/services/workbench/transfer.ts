import type { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { publishLive } from "../../realtime/live-events";
import { lockCapacity } from "./capacity";
import { announceOutgoing, storeOutgoing } from "./outgoing-messages";
import { systemLine } from "./system-lines";
import { publishTransfer } from "./transfer-events";
import { workbenchRoles, type TWorkbenchActor } from "./workbench-actor";
import type { TRespondTransferResult, ZRespondTransferInput, ZTransferInput } from "./workbench-schemas";

// Handing a conversation to a colleague is a request the colleague accepts or declines; until then
// the conversation stays with its assignee. One pending request per conversation: a new one cancels
// the old. Every status change is conditional on PENDING, so accept/decline/cancel races settle once.

type TTransferInput = z.infer<typeof ZTransferInput>;

export async function requestTransfer(
  tenantId: string,
  actor: TWorkbenchActor,
  input: TTransferInput,
): Promise<{ transferId: string }> {
  if (input.toUserId === actor.userId) throw new AppError("BAD_REQUEST", "Choose another agent", "toUserId");
  const client = await db();
  const { created, cancelled } = await client.$transaction(async (tx) => {
    // locks the conversation row while it is checked, like a reply does
    const held = await tx.conversation.updateMany({
      where: { id: input.conversationId, tenantId, status: "HUMAN", assigneeId: actor.userId },
      data: { updatedAt: new Date() },
    });
    if (held.count === 0) {
      const exists = await tx.conversation.count({ where: { id: input.conversationId, tenantId } });
      if (!exists) throw notFound("Conversation");
      throw new AppError("CONFLICT", "Only the agent handling the conversation can transfer it");
    }
    const target = await tx.membership.findFirst({
      where: { tenantId, userId: input.toUserId, role: { in: workbenchRoles() } },
      select: { id: true },
    });
    if (!target) throw new AppError("BAD_REQUEST", "This member cannot take conversations", "toUserId");
    const old = await tx.transferRequest.findMany({
      where: { tenantId, conversationId: input.conversationId, status: "PENDING" },
      select: { id: true, fromUserId: true, toUserId: true },
    });
    await tx.transferRequest.updateMany({
      where: { tenantId, id: { in: old.map((o) => o.id) }, status: "PENDING" },
      data: { status: "CANCELLED", respondedAt: new Date() },
    });
    const transfer = await tx.transferRequest.create({
      data: {
        tenantId,
        conversationId: input.conversationId,
        fromUserId: actor.userId,
        toUserId: input.toUserId,
        note: input.note || null,
      },
      select: { id: true },
    });
    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId: input.conversationId,
        type: "transfer_requested",
        actorId: actor.userId,
        data: { transferId: transfer.id, toUserId: input.toUserId, note: input.note || null },
      },
    });
    return { created: transfer.id, cancelled: old };
  });
  for (const o of cancelled) await publishTransfer(tenantId, input.conversationId, o.id, o, "CANCELLED");
  await publishTransfer(
    tenantId,
    input.conversationId,
    created,
    { fromUserId: actor.userId, toUserId: input.toUserId },
    "PENDING",
  );
  return { transferId: created };
}

export async function respondTransfer(
  tenantId: string,
  actor: TWorkbenchActor,
  input: z.infer<typeof ZRespondTransferInput>,
): Promise<TRespondTransferResult> {
  const client = await db();
  const transfer = await client.transferRequest.findFirst({
    where: { id: input.transferId, tenantId, toUserId: actor.userId },
    select: { id: true, conversationId: true, fromUserId: true, toUserId: true, status: true },
  });
  if (!transfer) throw notFound("Transfer");
  if (transfer.status !== "PENDING") return { ok: false, reason: "not_pending" };

  const result = await client.$transaction(async (tx) => {
    if (input.accept) {
      const capacity = await lockCapacity(tx, tenantId, actor.userId);
      if (!capacity || capacity.full) return { ok: false as const, reason: "at_capacity" as const };
    }
    const settled = await tx.transferRequest.updateMany({
      where: { id: transfer.id, tenantId, status: "PENDING" },
      data: { status: input.accept ? "ACCEPTED" : "DECLINED", respondedAt: new Date() },
    });
    if (settled.count === 0) return { ok: false as const, reason: "not_pending" as const };
    if (!input.accept) {
      await tx.conversationEvent.create({
        data: {
          tenantId,
          conversationId: transfer.conversationId,
          type: "transfer_declined",
          actorId: actor.userId,
          data: { transferId: transfer.id, fromUserId: transfer.fromUserId },
        },
      });
      return { ok: true as const, status: "DECLINED" as const, line: null, channel: null };
    }
    // the conversation must still be with the requester (not released, closed or moved meanwhile)
    const moved = await tx.conversation.updateMany({
      where: { id: transfer.conversationId, tenantId, status: "HUMAN", assigneeId: transfer.fromUserId },
      data: { assigneeId: actor.userId },
    });
    if (moved.count === 0) {
      await tx.transferRequest.updateMany({
        where: { id: transfer.id, tenantId },
        data: { status: "CANCELLED" },
      });
      return { ok: false as const, reason: "not_pending" as const, cancelled: true };
    }
    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId: transfer.conversationId,
        type: "transferred",
        fromStatus: "HUMAN",
        toStatus: "HUMAN",
        actorId: actor.userId,
        data: {
          transferId: transfer.id,
          fromUserId: transfer.fromUserId,
          toUserId: actor.userId,
          agentName: actor.name,
        },
      },
    });
    const conv = await tx.conversation.findFirstOrThrow({
      where: { id: transfer.conversationId, tenantId },
      select: { channel: true, tenant: { select: { language: true } } },
    });
    const line = await storeOutgoing(tx, {
      tenantId,
      conversationId: transfer.conversationId,
      channel: conv.channel,
      role: "SYSTEM",
      content: systemLine("transferred", conv.tenant.language, actor.name),
      authorId: actor.userId,
    });
    return { ok: true as const, status: "ACCEPTED" as const, line, channel: conv.channel };
  });

  if (!result.ok) {
    if ("cancelled" in result)
      await publishTransfer(tenantId, transfer.conversationId, transfer.id, transfer, "CANCELLED");
    return { ok: false, reason: result.reason };
  }
  await publishTransfer(tenantId, transfer.conversationId, transfer.id, transfer, result.status);
  if (result.line && result.channel) {
    await publishLive({
      type: "conversation",
      tenantId,
      conversationId: transfer.conversationId,
      status: "HUMAN",
      assigneeId: actor.userId,
      change: "transferred",
      agentName: actor.name,
    });
    await announceOutgoing(tenantId, transfer.conversationId, result.channel, [result.line]);
  }
  return { ok: true };
}

/** Withdraws a pending request (only the agent who made it). */
export async function cancelTransfer(
  tenantId: string,
  actor: TWorkbenchActor,
  transferId: string,
): Promise<{ ok: true }> {
  const client = await db();
  const transfer = await client.transferRequest.findFirst({
    where: { id: transferId, tenantId, fromUserId: actor.userId },
    select: { id: true, conversationId: true, fromUserId: true, toUserId: true },
  });
  if (!transfer) throw notFound("Transfer");
  const res = await client.transferRequest.updateMany({
    where: { id: transferId, tenantId, fromUserId: actor.userId, status: "PENDING" },
    data: { status: "CANCELLED", respondedAt: new Date() },
  });
  if (res.count === 0) throw new AppError("CONFLICT", "The transfer is no longer pending");
  await publishTransfer(tenantId, transfer.conversationId, transfer.id, transfer, "CANCELLED");
  return { ok: true };
}
