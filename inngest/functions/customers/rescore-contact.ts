import { db } from "../../../server/db/client";
import { refreshContact } from "../../../server/services/customers/rescore-job";
import { defineJob } from "../../define";

// Re-scores the conversation's customer after each processed message and when a conversation closes
// (a rating may have arrived). Re-running is harmless: it recomputes from the database (a history
// point only when something changed), and state events that already applied change nothing.

async function contactOf(tenantId: string, conversationId: string): Promise<string | null> {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: { contactId: true },
  });
  return conv?.contactId ?? null;
}

async function refreshFor(tenantId: string, conversationId: string, knownContactId?: string) {
  const contactId = knownContactId ?? (await contactOf(tenantId, conversationId));
  // a conversation deleted in the meantime (tenant removed): nothing to score, do not retry
  if (!contactId) return { skipped: "conversation not found" };
  const r = await refreshContact(tenantId, contactId);
  return { contactId, score: r.score.score, level: r.score.effectiveLevel, state: r.state?.to ?? null };
}

// Once per burst of messages, not per message (a chatty customer would otherwise cost a dozen
// statements per line): 10 s after the conversation goes quiet, at least every minute.
export const rescoreOnMessage = defineJob(
  {
    id: "customers-rescore-on-message",
    event: "kefu/message.processed",
    debounce: { key: "conversationId", periodMs: 10_000, timeoutMs: 60_000 },
  },
  async ({ event, step }) =>
    step.run("rescore-contact", () =>
      refreshFor(event.data.tenantId, event.data.conversationId, event.data.contactId),
    ),
);

export const rescoreOnClose = defineJob(
  { id: "customers-rescore-on-close", event: "kefu/conversation.closed" },
  async ({ event, step }) =>
    step.run("rescore-contact", () => refreshFor(event.data.tenantId, event.data.conversationId)),
);
