import { db } from "../../db/client";
import type { MessageAction } from "../../db/generated/prisma/enums";
import { publishLive, toLiveMessage } from "../../realtime/live-events";
import type { TAttempt } from "../providers/provider-chain";

// The bot's answer as a message, and what the providers cost. Every provider call is a usage row
// (failed ones too, with their error), so the dashboards can show error rates and cost per provider.

export type TBotMessage = {
  tenantId: string;
  conversationId: string;
  replyToId: string;
  action: MessageAction;
  content: string;
  confidence: number;
  provider: string | null;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  evidenceIds: string[];
  /** the REST and widget channels answer in the response itself (and live); WeChat delivers later */
  delivered: boolean;
};

/** Stores the answer and tells the live listeners (workbench, widget); returns the message id. */
export async function storeBotMessage(m: TBotMessage): Promise<string> {
  const client = await db();
  const row = await client.message.create({
    data: {
      tenantId: m.tenantId,
      conversationId: m.conversationId,
      role: "BOT",
      content: m.content,
      action: m.action,
      confidence: m.confidence,
      provider: m.provider,
      model: m.model,
      tokensIn: m.tokensIn,
      tokensOut: m.tokensOut,
      latencyMs: m.latencyMs,
      evidenceIds: m.evidenceIds,
      replyToId: m.replyToId,
      deliveryStatus: m.delivered ? "SENT" : "PENDING",
      deliveredAt: m.delivered ? new Date() : null,
    },
    select: { id: true, createdAt: true },
  });
  await publishLive({
    type: "message",
    tenantId: m.tenantId,
    conversationId: m.conversationId,
    message: toLiveMessage({
      ...row,
      role: "BOT",
      content: m.content,
      action: m.action,
      confidence: m.confidence,
    }),
  });
  return row.id;
}

export async function recordUsage(p: {
  tenantId: string;
  messageId: string;
  attempts: TAttempt[];
  /** cost of the successful call (the vendors bill the answer we used) */
  costMicros: bigint;
}): Promise<void> {
  if (!p.attempts.length) return;
  const client = await db();
  const lastOk = p.attempts.findLastIndex((a) => a.ok);
  await client.usageRecord.createMany({
    data: p.attempts.map((a, i) => ({
      tenantId: p.tenantId,
      providerId: a.providerId,
      provider: a.provider,
      model: a.model,
      purpose: "CHAT" as const,
      tokensIn: a.tokensIn,
      tokensOut: a.tokensOut,
      costMicros: i === lastOk ? p.costMicros : 0n,
      latencyMs: a.latencyMs,
      ok: a.ok,
      error: a.error?.slice(0, 500) ?? null,
      messageId: p.messageId,
    })),
  });
}
