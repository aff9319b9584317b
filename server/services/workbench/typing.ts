import { db } from "../../db/client";
import { AppError, notFound } from "../../errors";
import { publishLive } from "../../realtime/live-events";

// "The agent is typing…" for the customer's widget: only the assignee's typing is shown, and nothing
// is written (an indexed read checks who holds the conversation).

export async function sendAgentTyping(
  tenantId: string,
  userId: string,
  conversationId: string,
  on: boolean,
): Promise<{ ok: true }> {
  const client = await db();
  const held = await client.conversation.count({
    where: { id: conversationId, tenantId, status: "HUMAN", assigneeId: userId },
  });
  if (!held) {
    const exists = await client.conversation.count({ where: { id: conversationId, tenantId } });
    throw exists ? new AppError("CONFLICT", "Take over the conversation first") : notFound("Conversation");
  }
  await publishLive({ type: "typing", tenantId, conversationId, from: "agent", on });
  return { ok: true };
}
