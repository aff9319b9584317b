import { randomUUID } from "node:crypto";
import { rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { ConversationType, MessageAction } from "../../db/generated/prisma/enums";
import { publishLive, toLiveMessage } from "../../realtime/live-events";
import type { TAttempt } from "../providers/provider-chain";
import type { TPipelineResult } from "./pipeline-schemas";

// The bookkeeping after an answer, in ONE statement (data-modifying CTEs, so all or nothing): the
// bot's answer as a message, what the providers cost (every call is a usage row, failed ones too, so
// the dashboards can show error rates and cost per provider), the conversation's type, entity memory
// and failure streak, and the result stored on the customer's message for idempotent repeats.
// It used to be four to six statements per message; the answer's id is made here so the stored
// result can name it in the same statement.

export type TBotMessage = {
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
  attempts: TAttempt[];
  /** cost of the successful call (the vendors bill the answer we used) */
  costMicros: bigint;
};

export type TOutcomeWrite = {
  tenantId: string;
  conversationId: string;
  inboundId: string;
  bot: TBotMessage | null;
  /** the context's classification and entity memory, when the bot built one */
  context: { type: ConversationType; entities: unknown } | null;
  /** only a conversation still with the bot: a clarification counts, a reply resets */
  streak: "increment" | "reset" | null;
  result: (replyMessageId: string | null) => TPipelineResult;
};

const sql = Prisma.sql;

function usageRows(p: TOutcomeWrite, messageId: string) {
  const attempts = p.bot?.attempts ?? [];
  const lastOk = attempts.findLastIndex((a) => a.ok);
  return attempts.map((a, i) => ({
    providerId: a.providerId,
    provider: a.provider,
    model: a.model,
    tokensIn: a.tokensIn,
    tokensOut: a.tokensOut,
    // bigint as text: JSON has no bigint, the cast in SQL restores it
    costMicros: (i === lastOk ? (p.bot?.costMicros ?? 0n) : 0n).toString(),
    latencyMs: a.latencyMs,
    ok: a.ok,
    error: a.error?.slice(0, 500) ?? null,
    messageId,
  }));
}

/** Writes the outcome; returns the bot message's id (null when the bot stayed silent). */
export async function persistOutcome(p: TOutcomeWrite): Promise<string | null> {
  const replyId = p.bot ? randomUUID() : null;
  const result = p.result(replyId);
  const ctes: Prisma.Sql[] = [];
  const b = p.bot;
  if (b && replyId) {
    ctes.push(sql`bot AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", role, content, action, confidence, provider,
        model, "tokensIn", "tokensOut", "latencyMs", "evidenceIds", "replyToId", "deliveryStatus", "deliveredAt")
      VALUES (${replyId}, ${p.tenantId}, ${p.conversationId}, 'BOT'::"MessageRole", ${b.content},
        ${b.action}::"MessageAction", ${b.confidence}, ${b.provider}, ${b.model}, ${b.tokensIn}, ${b.tokensOut},
        ${b.latencyMs}, ${b.evidenceIds}::text[], ${p.inboundId},
        ${b.delivered ? "SENT" : "PENDING"}::"DeliveryStatus", ${b.delivered ? sql`now()` : sql`NULL`})
      RETURNING "createdAt")`);
    const usage = usageRows(p, replyId);
    if (usage.length)
      ctes.push(sql`usage AS (
        INSERT INTO "UsageRecord" (id, "tenantId", "providerId", provider, model, purpose, "tokensIn",
          "tokensOut", "costMicros", "latencyMs", ok, error, "messageId")
        SELECT gen_random_uuid()::text, ${p.tenantId}, u."providerId", u.provider, u.model,
          'CHAT'::"ProviderPurpose", u."tokensIn", u."tokensOut", u."costMicros"::bigint, u."latencyMs", u.ok,
          u.error, u."messageId"
        FROM jsonb_to_recordset(${JSON.stringify(usage)}::jsonb) AS u("providerId" text, provider text,
          model text, "tokensIn" int, "tokensOut" int, "costMicros" text, "latencyMs" int, ok boolean,
          error text, "messageId" text))`);
  }
  if (p.context || p.streak) {
    const streak =
      p.streak === "increment"
        ? sql`CASE WHEN status = 'BOT' THEN "botFailureStreak" + 1 ELSE "botFailureStreak" END`
        : p.streak === "reset"
          ? sql`CASE WHEN status = 'BOT' THEN 0 ELSE "botFailureStreak" END`
          : sql`"botFailureStreak"`;
    const context = p.context
      ? sql`, type = ${p.context.type}::"ConversationType", entities = ${JSON.stringify(p.context.entities)}::jsonb`
      : Prisma.empty;
    ctes.push(sql`conv AS (
      UPDATE "Conversation" SET "botFailureStreak" = ${streak}${context}, "updatedAt" = now()
      WHERE id = ${p.conversationId} AND "tenantId" = ${p.tenantId})`);
  }
  ctes.push(sql`res AS (
    UPDATE "Message" SET result = ${JSON.stringify(result)}::jsonb
    WHERE id = ${p.inboundId} AND "tenantId" = ${p.tenantId})`);
  const select = b ? sql`SELECT "createdAt" FROM bot` : sql`SELECT NULL::timestamp AS "createdAt"`;
  const rows = await rawQuery<{ createdAt: Date | null }>(sql`WITH ${Prisma.join(ctes, ", ")} ${select}`);
  if (b && replyId)
    await publishLive({
      type: "message",
      tenantId: p.tenantId,
      conversationId: p.conversationId,
      message: toLiveMessage({
        id: replyId,
        role: "BOT",
        content: b.content,
        createdAt: rows[0]?.createdAt ?? new Date(),
        action: b.action,
        confidence: b.confidence,
      }),
    });
  return replyId;
}
