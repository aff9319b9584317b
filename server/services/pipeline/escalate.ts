import { db } from "../../db/client";
import type { CustomerLevel } from "../../db/generated/prisma/enums";

// Hands a conversation to the humans: PENDING_HUMAN (the live queue) or, outside working hours, a
// TICKET that is e-mailed to the tenant. Only a bot conversation moves, and the move is conditional,
// so two escalations at once record one. Priority orders the queue: VIP and WHITE customers first.

export type TEscalationReason =
  "keyword" | "forbidden_topic" | "low_confidence" | "repeated_failure" | "no_answer" | "vip" | "manual";

export function queuePriority(contact: {
  vip: boolean;
  level: CustomerLevel;
  levelOverride: CustomerLevel | null;
}): number {
  const level = contact.levelOverride ?? contact.level;
  if (contact.vip) return 20;
  return level === "WHITE" ? 10 : level === "BLACK" ? -10 : 0;
}

export async function escalateConversation(p: {
  tenantId: string;
  conversationId: string;
  reason: TEscalationReason;
  afterHours: boolean;
  priority: number;
  detail?: string;
}): Promise<{ escalated: boolean; status: "PENDING_HUMAN" | "TICKET" }> {
  const client = await db();
  const status = p.afterHours ? "TICKET" : "PENDING_HUMAN";
  const escalated = await client.$transaction(async (tx) => {
    const res = await tx.conversation.updateMany({
      where: { id: p.conversationId, tenantId: p.tenantId, status: "BOT" },
      data: {
        status,
        escalationReason: p.reason,
        escalatedAt: new Date(),
        priority: p.priority,
        botFailureStreak: 0,
      },
    });
    if (res.count === 0) return false;
    await tx.conversationEvent.create({
      data: {
        tenantId: p.tenantId,
        conversationId: p.conversationId,
        type: "escalated",
        fromStatus: "BOT",
        toStatus: status,
        data: { reason: p.reason, afterHours: p.afterHours, detail: p.detail ?? null },
      },
    });
    return true;
  });
  return { escalated, status };
}
