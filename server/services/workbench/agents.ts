import { db } from "../../db/client";
import { notFound } from "../../errors";
import { workbenchRoles } from "./workbench-actor";
import type { TAgentItem, TMe } from "./workbench-schemas";

// Who can take conversations (transfer targets, the team's load) and the caller's own state.

async function activeCounts(tenantId: string, userIds: string[]): Promise<Map<string, number>> {
  const client = await db();
  const groups = await client.conversation.groupBy({
    by: ["assigneeId"],
    where: { tenantId, status: "HUMAN", assigneeId: { in: userIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.assigneeId ?? "", g._count._all]));
}

export async function listAgents(tenantId: string): Promise<TAgentItem[]> {
  const client = await db();
  const members = await client.membership.findMany({
    where: { tenantId, role: { in: workbenchRoles() } },
    select: {
      userId: true,
      role: true,
      presence: true,
      maxConcurrent: true,
      user: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const active = await activeCounts(
    tenantId,
    members.map((m) => m.userId),
  );
  return members.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    presence: m.presence,
    active: active.get(m.userId) ?? 0,
    maxConcurrent: m.maxConcurrent,
  }));
}

export async function getMe(tenantId: string, userId: string): Promise<TMe> {
  const client = await db();
  const [membership, active, incoming] = await Promise.all([
    client.membership.findFirst({
      where: { tenantId, userId },
      select: { presence: true, maxConcurrent: true },
    }),
    client.conversation.count({ where: { tenantId, status: "HUMAN", assigneeId: userId } }),
    client.transferRequest.findMany({
      where: { tenantId, toUserId: userId, status: "PENDING" },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: { id: true, conversationId: true, fromUserId: true, note: true, createdAt: true },
    }),
  ]);
  if (!membership) throw notFound("Membership");
  const names = await userNames(
    tenantId,
    incoming.map((t) => t.fromUserId),
  );
  return {
    userId,
    presence: membership.presence,
    active,
    maxConcurrent: membership.maxConcurrent,
    incomingTransfers: incoming.map((t) => ({
      id: t.id,
      conversationId: t.conversationId,
      fromName: names.get(t.fromUserId) ?? "—",
      note: t.note,
      createdAt: t.createdAt,
    })),
  };
}

/** Display names of users, looked up through the tenant's memberships (never other tenants' users). */
export async function userNames(tenantId: string, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (!ids.length) return new Map();
  const client = await db();
  const rows = await client.membership.findMany({
    where: { tenantId, userId: { in: ids } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.userId, r.user.name]));
}
