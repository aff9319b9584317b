import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { uniq } from "./helpers";
import type { workbenchTenant } from "./workbench-helpers";

// Conversations the learning loop learns from: a customer asks through the real pipeline, a human
// agent takes over and answers through the workbench, and the agent closes the conversation.

type TWorkbench = Awaited<ReturnType<typeof workbenchTenant>>;

export function ask(tenantId: string, text: string, contactExternalId = `c-${uniq()}`) {
  return processIncomingMessage({
    tenantId,
    channel: "API",
    contact: { externalId: contactExternalId },
    text,
  });
}

export async function humanAnswered(
  t: TWorkbench,
  o: { question: string; answer: string; followUp?: string },
): Promise<string> {
  const contact = `c-${uniq()}`;
  const first = await ask(t.tenantId, o.question, contact);
  const conversationId = first.conversationId;
  const taken = await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId });
  if (!taken.ok) throw new Error(`take-over failed: ${JSON.stringify(taken)}`);
  await t.wang.caller.workbench.reply({ tenantId: t.tenantId, conversationId, text: o.answer });
  if (o.followUp) await ask(t.tenantId, o.followUp, contact);
  return conversationId;
}

export function closeAs(t: TWorkbench, conversationId: string) {
  return t.wang.caller.workbench.close({
    tenantId: t.tenantId,
    conversationId,
    outcome: "RESOLVED",
    requestSatisfaction: false,
  });
}

/** Learned items written directly (for isolation tests): one PENDING, one AUTO_APPROVED. */
export async function seedLearned(tenantId: string, conversationId: string) {
  const client = await db();
  const base = {
    tenantId,
    conversationId,
    answer: "只属于这个租户的学习答案，长度足够二十个字符。",
    answeredBy: "HUMAN",
  };
  const pending = await client.learnedKnowledge.create({
    data: { ...base, question: `待审核的问题${uniq()}？`, confidence: 0.75, status: "PENDING" },
  });
  const auto = await client.learnedKnowledge.create({
    data: { ...base, question: `自动通过的问题${uniq()}？`, confidence: 0.85, status: "AUTO_APPROVED" },
  });
  return { pendingId: pending.id, autoApprovedId: auto.id };
}
