import type { Prisma } from "../../db/generated/prisma/client";
import { publishLive } from "../../realtime/live-events";

// Transfer requests end when their conversation leaves the assignee (release, close); the live
// "transfer" event tells the requester's and the target's workbench either way.

/** Cancels a conversation's pending requests (on release and close); returns them for the live events. */
export async function cancelPendingTransfers(
  tx: Prisma.TransactionClient,
  tenantId: string,
  conversationId: string,
) {
  const pending = await tx.transferRequest.findMany({
    where: { tenantId, conversationId, status: "PENDING" },
    select: { id: true, fromUserId: true, toUserId: true },
  });
  if (pending.length)
    await tx.transferRequest.updateMany({
      where: { tenantId, id: { in: pending.map((p) => p.id) }, status: "PENDING" },
      data: { status: "CANCELLED", respondedAt: new Date() },
    });
  return pending;
}

export async function publishTransfer(
  tenantId: string,
  conversationId: string,
  transferId: string,
  who: { fromUserId: string; toUserId: string },
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "CANCELLED",
): Promise<void> {
  await publishLive({
    type: "transfer",
    tenantId,
    conversationId,
    transferId,
    fromUserId: who.fromUserId,
    toUserId: who.toUserId,
    status,
  });
}
