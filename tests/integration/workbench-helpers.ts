import { db } from "../../server/db/client";
import type { Channel, CustomerLevel, Role } from "../../server/db/generated/prisma/enums";
import { inboxTopic, conversationTopic, type TLiveEvent } from "../../server/realtime/live-events";
import { topicBus } from "../../server/realtime/topic-bus";
import { memberOf, uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// A tenant with a FAQ (the pipeline answers from it), named agents, and conversations created in the
// states the workbench works on. Live events are recorded from the real topic bus.

export async function namedMember(tenantId: string, name: string, role: Role = "AGENT", maxConcurrent = 5) {
  const m = await memberOf(tenantId, role);
  const client = await db();
  await client.user.update({ where: { id: m.user.id }, data: { name } });
  await client.membership.update({ where: { id: m.membershipId }, data: { maxConcurrent } });
  return { ...m, user: { ...m.user, name } };
}

export async function workbenchTenant(opts: { language?: string } = {}) {
  const owner = await pipelineTenant();
  const client = await db();
  if (opts.language)
    await client.tenant.update({ where: { id: owner.tenant.id }, data: { language: opts.language } });
  // customers here write faster than the default one message per 3 s
  await client.rule.create({
    data: {
      tenantId: owner.tenant.id,
      type: "RATE_LIMIT",
      name: "generous",
      config: { perContact: { points: 100, seconds: 1 }, perChat: null },
    },
  });
  const tenantId = owner.tenant.id;
  return {
    owner,
    tenantId,
    wang: await namedMember(tenantId, "小王", "AGENT", 50),
    li: await namedMember(tenantId, "小李", "AGENT", 50),
    viewer: await namedMember(tenantId, "Vera", "VIEWER"),
    reviewer: await namedMember(tenantId, "Rita", "REVIEWER"),
  };
}

/** A conversation written directly in the given state (with one customer message). */
export async function seedConversation(
  tenantId: string,
  o: {
    status?: "BOT" | "PENDING_HUMAN" | "HUMAN" | "CLOSED" | "TICKET";
    channel?: Channel;
    name?: string;
    vip?: boolean;
    level?: CustomerLevel;
    priority?: number;
    waitedMinutes?: number;
    assigneeId?: string;
    deviceId?: string;
    text?: string;
    lastMessageAt?: Date;
    closedAt?: Date;
  } = {},
) {
  const client = await db();
  const channel = o.channel ?? "API";
  const externalId = `c-${uniq()}`;
  const contact = await client.contact.create({
    data: {
      tenantId,
      channel,
      externalId,
      name: o.name ?? `客户${uniq()}`,
      vip: o.vip ?? false,
      level: o.level ?? "GRAY",
      conversationCount: 1,
    },
  });
  const status = o.status ?? "PENDING_HUMAN";
  const escalatedAt =
    o.waitedMinutes !== undefined
      ? new Date(Date.now() - o.waitedMinutes * 60_000)
      : status === "BOT"
        ? null
        : new Date();
  const conv = await client.conversation.create({
    data: {
      tenantId,
      contactId: contact.id,
      channel,
      chatId: externalId,
      chatName: contact.name,
      deviceId: o.deviceId ?? null,
      status,
      priority: o.priority ?? 0,
      escalatedAt,
      escalationReason: escalatedAt ? "keyword" : null,
      assigneeId: o.assigneeId ?? null,
      lastMessageAt: o.lastMessageAt ?? new Date(),
      closedAt: o.closedAt ?? (status === "CLOSED" ? new Date() : null),
    },
  });
  await client.message.create({
    data: {
      tenantId,
      conversationId: conv.id,
      role: "CUSTOMER",
      content: o.text ?? "转人工",
      senderName: contact.name,
    },
  });
  return { conversationId: conv.id, contactId: contact.id, contactExternalId: externalId };
}

/**
 * Records the live events of a topic until stopped. Stopping first sends a marker through the bus and
 * waits for it, so events published before stop() are in (through Redis they arrive asynchronously).
 */
export async function recordTopic(topic: string) {
  const events: TLiveEvent[] = [];
  const marker = `flush-${uniq()}`;
  let flushed: () => void = () => {};
  const seen = new Promise<void>((resolve) => (flushed = resolve));
  const bus = topicBus();
  const unsubscribe = await bus.subscribe(topic, (e) => {
    if ((e as { marker?: string }).marker === marker) return flushed();
    events.push(e as TLiveEvent);
  });
  const stop = async () => {
    await bus.publish(topic, { marker });
    await seen;
    await unsubscribe();
  };
  return { events, stop };
}

export const recordInbox = (tenantId: string) => recordTopic(inboxTopic(tenantId));
export const recordConversation = (conversationId: string) => recordTopic(conversationTopic(conversationId));

export async function messagesOf(conversationId: string) {
  const client = await db();
  return client.message.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function conversationRow(conversationId: string) {
  const client = await db();
  return client.conversation.findUniqueOrThrow({ where: { id: conversationId } });
}
