import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, rawQuery } from "../../server/db/client";
import { Prisma } from "../../server/db/generated/prisma/client";
import { ZIncomingMessage, type TIncomingMessage } from "../../server/services/pipeline/pipeline-schemas";
import { storeInbound } from "../../server/services/pipeline/store-inbound";
import { ownerWithTenant, uniq } from "./helpers";

// Storing a customer's message is one raw statement (store-inbound.ts): contact, conversation and
// message together, and a repeated channel id writes nothing at all.

const store = (m: TIncomingMessage, content = String(m.text)) =>
  storeInbound(ZIncomingMessage.parse(m), content);

async function counters(contactId: string) {
  const client = await db();
  return client.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: { messageCount: true, conversationCount: true, lastSeenAt: true },
  });
}

describe("storing an inbound message", () => {
  it("creates the contact and its conversation, then reuses them", async () => {
    const { tenant } = await ownerWithTenant();
    const contact = { externalId: `c-${uniq()}`, name: "王女士" };
    const first = await store({
      tenantId: tenant.id,
      channel: "API",
      externalId: uniq(),
      contact,
      text: "你好",
    });
    expect(first).not.toBeNull();
    expect(first!.previousMessageAt).toBeNull(); // it opened the conversation
    const second = await store({
      tenantId: tenant.id,
      channel: "API",
      externalId: uniq(),
      contact,
      text: "在吗",
    });
    expect(second!.conversation.id).toBe(first!.conversation.id);
    // the conversation's last message before this one: the first (re-read before answering, if recent)
    expect(second!.previousMessageAt?.getTime()).toBe(first!.message.createdAt.getTime());
    expect(second!.conversation.contact.id).toBe(first!.conversation.contact.id);
    expect(second!.conversation).toMatchObject({
      status: "BOT",
      chatType: "PRIVATE",
      chatId: contact.externalId,
    });
    expect(second!.conversation.contact).toMatchObject({
      name: "王女士",
      level: "GRAY",
      state: "NEW",
      vip: false,
    });
    const c = await counters(first!.conversation.contactId);
    expect(c).toMatchObject({ messageCount: 2, conversationCount: 1 });
    // timestamps are UTC instants, as Prisma reads them
    const client = await db();
    const row = await client.message.findUniqueOrThrow({ where: { id: second!.message.id } });
    expect(second!.message.createdAt.getTime()).toBe(row.createdAt.getTime());
    expect(Math.abs(c.lastSeenAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a repeated channel id writes nothing: no message, no counters", async () => {
    const { tenant } = await ownerWithTenant();
    const m = {
      tenantId: tenant.id,
      channel: "API" as const,
      externalId: `ext-${uniq()}`,
      contact: { externalId: `c-${uniq()}` },
      text: "订单到哪了",
    };
    const first = await store(m);
    expect(await store(m)).toBeNull();
    const [a, b] = await Promise.all([store(m), store(m)]);
    expect(a).toBeNull();
    expect(b).toBeNull();
    const client = await db();
    expect(await client.message.count({ where: { conversationId: first!.conversation.id } })).toBe(1);
    expect(await counters(first!.conversation.contactId)).toMatchObject({
      messageCount: 1,
      conversationCount: 1,
    });
  });

  it("opens a new conversation per device and after a close, and counts it on the contact", async () => {
    const { tenant } = await ownerWithTenant();
    const client = await db();
    const devices = await Promise.all(
      ["PC 1", "PC 2"].map((name) =>
        client.device.create({ data: { tenantId: tenant.id, name, tokenHash: randomUUID() } }),
      ),
    );
    const base = {
      tenantId: tenant.id,
      channel: "WECHAT" as const,
      contact: { externalId: `wx-${uniq()}` },
      chat: { id: `group-${uniq()}`, name: "售后群", type: "group" as const },
      atMe: true,
    };
    const one = await store({ ...base, deviceId: devices[0].id, externalId: uniq(), text: "a" });
    const other = await store({ ...base, deviceId: devices[1].id, externalId: uniq(), text: "b" });
    expect(other!.conversation.id).not.toBe(one!.conversation.id);
    expect(one!.conversation).toMatchObject({ chatType: "GROUP", chatName: "售后群" });
    await client.conversation.update({
      where: { id: one!.conversation.id },
      data: { status: "CLOSED", closedAt: new Date(), escalatedAt: new Date("2026-01-02T03:04:05.678Z") },
    });
    const again = await store({ ...base, deviceId: devices[0].id, externalId: uniq(), text: "c" });
    expect(again!.conversation.id).not.toBe(one!.conversation.id);
    expect(await counters(one!.conversation.contactId)).toMatchObject({
      messageCount: 3,
      conversationCount: 3,
    });
    const opened = await client.conversation.findUniqueOrThrow({ where: { id: again!.conversation.id } });
    expect(opened).toMatchObject({ deviceId: devices[0].id, lifecycle: "ACTIVE", status: "BOT" });
  });

  it("reads an escalated conversation's timestamp as the instant that was written", async () => {
    const { tenant } = await ownerWithTenant();
    const m = { tenantId: tenant.id, channel: "API" as const, contact: { externalId: `c-${uniq()}` } };
    const first = await store({ ...m, externalId: uniq(), text: "一" });
    const at = new Date("2026-03-04T05:06:07.089Z");
    const client = await db();
    await client.conversation.update({
      where: { id: first!.conversation.id },
      data: { status: "PENDING_HUMAN", escalatedAt: at, botFailureStreak: 2, entities: { orders: ["A1"] } },
    });
    const next = await store({ ...m, externalId: uniq(), text: "二" });
    expect(next!.conversation).toMatchObject({
      status: "PENDING_HUMAN",
      botFailureStreak: 2,
      entities: { orders: ["A1"] },
    });
    expect(next!.conversation.escalatedAt?.toISOString()).toBe(at.toISOString());
    // the raw path returns timestamp columns as UTC instants too (db/raw-pool.ts)
    const [row] = await rawQuery<{ escalatedAt: Date }>(
      Prisma.sql`SELECT "escalatedAt" FROM "Conversation" WHERE id = ${first!.conversation.id}`,
    );
    expect(row.escalatedAt.toISOString()).toBe(at.toISOString());
  });
});
