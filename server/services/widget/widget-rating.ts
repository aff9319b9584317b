import type { z } from "zod";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { publishLive } from "../../realtime/live-events";
import type { ZRatingBody } from "./widget-schemas";
import { isVisitorConversation, ratingPending } from "./widget-session";

// The customer's satisfaction score (1–5) for a conversation an agent closed with a rating request.
// Only the visitor whose conversation it is may rate, only after such a close, and only once: the
// write is conditional on "not rated yet", so two submissions at once record one.

export async function rateConversation(
  tenantId: string,
  visitorId: string,
  body: z.infer<typeof ZRatingBody>,
): Promise<void> {
  if (!(await isVisitorConversation(tenantId, visitorId, body.conversationId)))
    throw notFound("Conversation");
  if (!(await ratingPending(tenantId, body.conversationId)))
    throw new AppError("CONFLICT", "This conversation is not waiting for a rating");
  const client = await db();
  const assigneeId = await client.$transaction(async (tx) => {
    const res = await tx.conversation.updateMany({
      where: { id: body.conversationId, tenantId, status: "CLOSED", satisfaction: null },
      data: { satisfaction: body.score },
    });
    if (res.count === 0) throw new AppError("CONFLICT", "This conversation is not waiting for a rating");
    await tx.conversationEvent.create({
      data: {
        tenantId,
        conversationId: body.conversationId,
        type: "rated",
        data: { score: body.score, comment: body.comment ?? null, via: "widget" },
      },
    });
    const row = await tx.conversation.findFirst({
      where: { id: body.conversationId, tenantId },
      select: { assigneeId: true },
    });
    return row?.assigneeId ?? null;
  });
  await publishLive({
    type: "conversation",
    tenantId,
    conversationId: body.conversationId,
    status: "CLOSED",
    assigneeId,
    change: "rated",
    satisfactionRequested: false,
  });
}
