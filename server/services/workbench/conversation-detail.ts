import { db } from "../../db/client";
import { notFound } from "../../errors";
import { loadSlaSettings } from "../support-settings/sla-settings";
import { conversationSla } from "./sla";
import { userNames } from "./agents";
import { OUTGOING_SELECT } from "./outgoing-messages";
import { toWorkbenchMessage } from "./workbench-message";
import type { TConversationDetail, TEvidence } from "./workbench-schemas";

// One conversation as the agent sees it: the last 200 messages of every role (notes included), with
// the bot's confidence and the knowledge it answered from, the status history, and a pending transfer.

const HISTORY = 200;
const TITLE_CHARS = 80;

export async function getConversationDetail(
  tenantId: string,
  conversationId: string,
): Promise<TConversationDetail> {
  const client = await db();
  const conv = await client.conversation.findFirst({
    where: { id: conversationId, tenantId },
    select: {
      id: true,
      status: true,
      channel: true,
      type: true,
      chatName: true,
      chatType: true,
      contactId: true,
      assigneeId: true,
      priority: true,
      escalationReason: true,
      escalatedAt: true,
      firstResponseAt: true,
      outcome: true,
      satisfaction: true,
      createdAt: true,
      closedAt: true,
    },
  });
  if (!conv) throw notFound("Conversation");
  const [newestFirst, events, transfer, sla] = await Promise.all([
    client.message.findMany({
      where: { tenantId, conversationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY,
      select: OUTGOING_SELECT,
    }),
    client.conversationEvent.findMany({
      // lifecycle band changes (ACTIVE/IDLE/…, recorded by the sweep every few minutes) are not part
      // of the team's timeline of who did what
      where: { tenantId, conversationId, type: { not: "lifecycle" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        type: true,
        fromStatus: true,
        toStatus: true,
        actorId: true,
        data: true,
        createdAt: true,
      },
    }),
    client.transferRequest.findFirst({
      where: { tenantId, conversationId, status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, fromUserId: true, toUserId: true, note: true, createdAt: true },
    }),
    loadSlaSettings(tenantId),
  ]);
  const messages = newestFirst.reverse();
  const [names, evidence] = await Promise.all([
    userNames(tenantId, [
      conv.assigneeId,
      ...messages.map((m) => m.authorId),
      ...events.map((e) => e.actorId),
      transfer?.fromUserId ?? null,
      transfer?.toUserId ?? null,
    ]),
    resolveEvidence(
      tenantId,
      messages.flatMap((m) => m.evidenceIds),
    ),
  ]);
  const lastClose = events.findLast((e) => e.type === "closed");
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    conversation: {
      ...conv,
      assignee: conv.assigneeId ? { id: conv.assigneeId, name: name(conv.assigneeId) ?? "—" } : null,
      satisfactionRequested:
        conv.status === "CLOSED" && asRecord(lastClose?.data).satisfactionRequested === true,
      sla: conversationSla(conv, sla),
    },
    messages: messages.map((m) =>
      toWorkbenchMessage(
        m,
        name(m.authorId),
        m.evidenceIds.map((id) => evidence.get(id)).filter((e): e is TEvidence => Boolean(e)),
      ),
    ),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: name(e.actorId),
      data: asRecord(e.data),
      createdAt: e.createdAt,
    })),
    pendingTransfer: transfer
      ? {
          id: transfer.id,
          fromUserId: transfer.fromUserId,
          fromName: name(transfer.fromUserId) ?? "—",
          toUserId: transfer.toUserId,
          toName: name(transfer.toUserId) ?? "—",
          note: transfer.note,
          createdAt: transfer.createdAt,
        }
      : null,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Knowledge chunk ids → what the bot answered from: the Q&A question or the document title. */
async function resolveEvidence(tenantId: string, chunkIds: string[]): Promise<Map<string, TEvidence>> {
  const ids = [...new Set(chunkIds)];
  if (!ids.length) return new Map();
  const client = await db();
  const chunks = await client.knowledgeChunk.findMany({
    where: { tenantId, id: { in: ids } },
    select: {
      id: true,
      heading: true,
      qaPair: { select: { question: true } },
      document: { select: { title: true } },
    },
  });
  return new Map(
    chunks.map((c) => {
      const kind = c.qaPair ? ("qa" as const) : ("document" as const);
      const title = c.qaPair?.question ?? c.document?.title ?? c.heading ?? "—";
      return [c.id, { id: c.id, kind, title: title.slice(0, TITLE_CHARS) }];
    }),
  );
}
