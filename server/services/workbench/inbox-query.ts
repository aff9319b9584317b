import type { z } from "zod";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import type { MessageRole } from "../../db/generated/prisma/enums";
import { loadSlaSettings } from "../support-settings/sla-settings";
import { conversationSla } from "./sla";
import { userNames } from "./agents";
import type { TCounts, TInboxOutput, TInboxView, ZInboxInput } from "./workbench-schemas";

// The inbox views (PRODUCT.md §10). The waiting queue is ordered by priority (VIP 20, WHITE 10,
// normal 0, BLACK −10 — set on escalation), then by how long the customer has waited. The cursor
// is an offset: live events make the client reload the first page anyway, and offsets stay correct
// for every ordering (keyset paging over nullable sort keys is not worth it for pages of ≤ 100).

type TWhere = Prisma.ConversationWhereInput;
type TOrder = Prisma.ConversationOrderByWithRelationInput[];

const PREVIEW_CHARS = 120;

function viewFilter(view: TInboxView, userId: string): { where: TWhere; orderBy: TOrder } {
  switch (view) {
    case "waiting":
      return {
        where: { status: "PENDING_HUMAN" },
        orderBy: [{ priority: "desc" }, { escalatedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      };
    case "mine":
      return {
        where: { status: "HUMAN", assigneeId: userId },
        orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
      };
    case "all":
      return { where: { status: { not: "CLOSED" } }, orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }] };
    case "closed":
      return {
        where: { status: "CLOSED" },
        orderBy: [{ closedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      };
    case "tickets":
      return {
        where: { status: "TICKET" },
        orderBy: [{ escalatedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      };
  }
}

function searchFilter(search: string | undefined): TWhere {
  const q = search?.trim();
  if (!q) return {};
  const contains = { contains: q, mode: "insensitive" as const };
  return {
    OR: [
      { contact: { name: contains } },
      { chatName: contains },
      { messages: { some: { content: contains } } },
    ],
  };
}

function decodeCursor(cursor: string | undefined): number {
  const n = cursor ? Number.parseInt(cursor, 10) : 0;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 0;
}

export async function listInbox(
  tenantId: string,
  userId: string,
  input: z.infer<typeof ZInboxInput>,
): Promise<TInboxOutput> {
  const client = await db();
  const { where, orderBy } = viewFilter(input.view, userId);
  const skip = decodeCursor(input.cursor);
  const [rows, sla] = await Promise.all([
    client.conversation.findMany({
      where: {
        tenantId,
        ...where,
        ...(input.channel ? { channel: input.channel } : {}),
        ...searchFilter(input.search),
      },
      orderBy,
      skip,
      take: input.limit + 1,
      select: {
        id: true,
        status: true,
        channel: true,
        chatName: true,
        chatType: true,
        priority: true,
        assigneeId: true,
        escalationReason: true,
        escalatedAt: true,
        firstResponseAt: true,
        lastMessageAt: true,
        contact: { select: { id: true, name: true, level: true, levelOverride: true, vip: true } },
      },
    }),
    loadSlaSettings(tenantId),
  ]);
  const page = rows.slice(0, input.limit);
  const [names, latest] = await Promise.all([
    userNames(
      tenantId,
      page.map((r) => r.assigneeId),
    ),
    latestMessages(
      tenantId,
      page.map((r) => r.id),
    ),
  ]);
  const now = new Date();
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      channel: r.channel,
      chatName: r.chatName,
      chatType: r.chatType,
      contact: {
        id: r.contact.id,
        name: r.contact.name,
        level: r.contact.levelOverride ?? r.contact.level,
        vip: r.contact.vip,
      },
      assignee: r.assigneeId ? { id: r.assigneeId, name: names.get(r.assigneeId) ?? "—" } : null,
      priority: r.priority,
      escalationReason: r.escalationReason,
      escalatedAt: r.escalatedAt,
      lastMessageAt: r.lastMessageAt,
      lastMessage: latest.get(r.id) ?? null,
      sla: conversationSla(r, sla, now),
    })),
    nextCursor: rows.length > input.limit ? String(skip + input.limit) : null,
  };
}

/** The newest message of each conversation, one index walk each (DISTINCT ON), cut to a preview. */
async function latestMessages(tenantId: string, conversationIds: string[]) {
  if (!conversationIds.length) return new Map<string, { role: MessageRole; content: string }>();
  const client = await db();
  const rows = await client.$queryRaw<{ conversationId: string; role: MessageRole; content: string }[]>`
    SELECT DISTINCT ON ("conversationId") "conversationId", role, left(content, ${PREVIEW_CHARS}) AS content
    FROM "Message"
    WHERE "tenantId" = ${tenantId} AND "conversationId" = ANY(${conversationIds}::text[])
    ORDER BY "conversationId", "createdAt" DESC, id DESC`;
  return new Map(rows.map((r) => [r.conversationId, { role: r.role, content: r.content }]));
}

export async function countInbox(tenantId: string, userId: string): Promise<TCounts> {
  const client = await db();
  const count = (view: TInboxView) =>
    client.conversation.count({ where: { tenantId, ...viewFilter(view, userId).where } });
  const [waiting, mine, all, closed, tickets] = await Promise.all([
    count("waiting"),
    count("mine"),
    count("all"),
    count("closed"),
    count("tickets"),
  ]);
  return { waiting, mine, all, closed, tickets };
}
