import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../db/client";
import { ZPipelineResult, type TPipelineResult } from "./pipeline-schemas";

// Idempotency: the customer's message is stored with the channel's id, unique per tenant, before
// anything else happens. A repeat — sequential or concurrent — finds that row and returns the result
// the first delivery stored on it, so a message is answered once however often a channel retries.

const WAIT_MS = 30_000;

export async function findInbound(tenantId: string, externalId: string) {
  const client = await db();
  return client.message.findUnique({
    where: { tenantId_externalId: { tenantId, externalId } },
    select: { id: true, conversationId: true, result: true },
  });
}

/** The stored result of an earlier delivery, waiting while that delivery is still being processed. */
export async function awaitStoredResult(tenantId: string, externalId: string): Promise<TPipelineResult> {
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    const row = await findInbound(tenantId, externalId);
    const parsed = ZPipelineResult.safeParse(row?.result);
    if (row && parsed.success) return { ...parsed.data, duplicate: true };
    if (Date.now() > deadline || !row)
      // still unanswered: the first delivery owns it; tell the caller it is a duplicate being handled
      return {
        action: "ignore",
        content: "",
        confidence: 0,
        conversationId: row?.conversationId ?? "",
        messageId: row?.id ?? "",
        replyMessageId: null,
        reason: "duplicate_in_progress",
        duplicate: true,
      };
    await sleep(delay);
  }
}

export async function storeResult(tenantId: string, messageId: string, result: TPipelineResult) {
  const client = await db();
  await client.message.updateMany({ where: { id: messageId, tenantId }, data: { result } });
}
