import { rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
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
  const status = p.afterHours ? "TICKET" : "PENDING_HUMAN";
  // the status change and its event in one statement (all or nothing), only while the bot has it
  const data = JSON.stringify({ reason: p.reason, afterHours: p.afterHours, detail: p.detail ?? null });
  const [row] = await rawQuery<{ escalated: boolean }>(Prisma.sql`
    WITH moved AS (
      UPDATE "Conversation" SET status = ${status}::"ConversationStatus", "escalationReason" = ${p.reason},
        "escalatedAt" = now(), priority = ${p.priority}, "botFailureStreak" = 0, "updatedAt" = now()
      WHERE id = ${p.conversationId} AND "tenantId" = ${p.tenantId} AND status = 'BOT'
      RETURNING id
    ), event AS (
      INSERT INTO "ConversationEvent" (id, "tenantId", "conversationId", type, "fromStatus", "toStatus", data)
      SELECT gen_random_uuid()::text, ${p.tenantId}, id, 'escalated', 'BOT', ${status}::"ConversationStatus",
        ${data}::jsonb
      FROM moved
    )
    SELECT EXISTS (SELECT 1 FROM moved) AS escalated`);
  const escalated = Boolean(row?.escalated);
  return { escalated, status };
}
