import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { caught } from "./helpers";
import { seedConversation, workbenchTenant } from "./workbench-helpers";

// The inbox views, their order (VIP first, then the longest waiting), SLA states, search, paging,
// counts, and what the conversation view and the customer panel show.

let t: Awaited<ReturnType<typeof workbenchTenant>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await workbenchTenant();
  const id = t.tenantId;
  // normal band: 30 min first response, warning from 80 % (24 min)
  ids.normal10 = (await seedConversation(id, { waitedMinutes: 10, name: "张三" })).conversationId;
  ids.normal26 = (await seedConversation(id, { waitedMinutes: 26, text: "发票抬头写错了" })).conversationId;
  ids.normal40 = (await seedConversation(id, { waitedMinutes: 40, channel: "WIDGET" })).conversationId;
  ids.vip = (await seedConversation(id, { waitedMinutes: 1, vip: true, priority: 20 })).conversationId;
  ids.white = (await seedConversation(id, { waitedMinutes: 5, level: "WHITE", priority: 10 })).conversationId;
  ids.mine = (
    await seedConversation(id, { status: "HUMAN", assigneeId: t.wang.user.id, waitedMinutes: 3 })
  ).conversationId;
  ids.his = (await seedConversation(id, { status: "HUMAN", assigneeId: t.li.user.id })).conversationId;
  ids.bot = (await seedConversation(id, { status: "BOT" })).conversationId;
  ids.closedOld = (
    await seedConversation(id, { status: "CLOSED", closedAt: new Date(Date.now() - 3_600_000) })
  ).conversationId;
  ids.closedNew = (await seedConversation(id, { status: "CLOSED" })).conversationId;
  ids.ticket = (await seedConversation(id, { status: "TICKET", waitedMinutes: 100 })).conversationId;
});

describe("workbench inbox", () => {
  it("orders the waiting queue by priority, then by waiting time, with SLA states", async () => {
    const { items, nextCursor } = await t.wang.caller.workbench.inbox({
      tenantId: t.tenantId,
      view: "waiting",
    });
    expect(items.map((i) => i.id)).toEqual([ids.vip, ids.white, ids.normal40, ids.normal26, ids.normal10]);
    expect(nextCursor).toBeNull();
    const sla = Object.fromEntries(items.map((i) => [i.id, i.sla.state]));
    expect(sla).toEqual({
      [ids.vip]: "ok",
      [ids.white]: "ok",
      [ids.normal40]: "breached",
      [ids.normal26]: "warning",
      [ids.normal10]: "ok",
    });
    const vip = items[0];
    expect(vip).toMatchObject({
      status: "PENDING_HUMAN",
      priority: 20,
      contact: { vip: true },
      assignee: null,
    });
    // urgent band: 5 minutes after the escalation
    expect(vip.sla.dueAt!.getTime() - vip.escalatedAt!.getTime()).toBe(5 * 60_000);
    expect(items.find((i) => i.id === ids.normal10)?.lastMessage).toEqual({
      role: "CUSTOMER",
      content: "转人工",
    });
  });

  it("shows mine, all, closed and tickets, and counts them", async () => {
    const view = async (v: "mine" | "all" | "closed" | "tickets", as = t.wang) =>
      (await as.caller.workbench.inbox({ tenantId: t.tenantId, view: v })).items.map((i) => i.id);
    expect(await view("mine")).toEqual([ids.mine]);
    expect(await view("mine", t.li)).toEqual([ids.his]);
    expect(await view("closed")).toEqual([ids.closedNew, ids.closedOld]);
    expect(await view("tickets")).toEqual([ids.ticket]);
    const all = await view("all");
    expect(all).toHaveLength(9);
    expect(all).not.toContain(ids.closedNew);
    const mine = (await t.wang.caller.workbench.inbox({ tenantId: t.tenantId, view: "mine" })).items[0];
    expect(mine.assignee).toEqual({ id: t.wang.user.id, name: "小王" });
    expect(await t.wang.caller.workbench.counts({ tenantId: t.tenantId })).toEqual({
      waiting: 5,
      mine: 1,
      all: 9,
      closed: 2,
      tickets: 1,
    });
  });

  it("searches by contact name and message text, filters by channel, and pages", async () => {
    const inbox = (more: object) =>
      t.wang.caller.workbench.inbox({ tenantId: t.tenantId, view: "waiting", ...more });
    expect((await inbox({ search: "张三" })).items.map((i) => i.id)).toEqual([ids.normal10]);
    expect((await inbox({ search: "发票" })).items.map((i) => i.id)).toEqual([ids.normal26]);
    expect((await inbox({ channel: "WIDGET" })).items.map((i) => i.id)).toEqual([ids.normal40]);
    const first = await inbox({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids.vip, ids.white]);
    const second = await inbox({ limit: 2, cursor: first.nextCursor! });
    const third = await inbox({ limit: 2, cursor: second.nextCursor! });
    expect([...second.items, ...third.items].map((i) => i.id)).toEqual([
      ids.normal40,
      ids.normal26,
      ids.normal10,
    ]);
    expect(third.nextCursor).toBeNull();
    expect((await caught(inbox({ limit: 101 }))).code).toBe("BAD_REQUEST");
  });
});

describe("conversation view and customer panel", () => {
  it("shows the history with the bot's confidence and evidence, and the customer with orders", async () => {
    const externalId = "panel-customer";
    const first = await processIncomingMessage({
      tenantId: t.tenantId,
      channel: "API",
      contact: { externalId, name: "王女士" },
      text: "退款多久到账",
    });
    const client = await db();
    const contact = await client.contact.findFirstOrThrow({ where: { tenantId: t.tenantId, externalId } });
    await client.contact.update({
      where: { id: contact.id },
      data: { level: "GRAY", levelOverride: "WHITE" },
    });
    await client.order.create({
      data: {
        tenantId: t.tenantId,
        contactId: contact.id,
        orderNo: "SO-1",
        status: "paid",
        amount: "199.50",
        orderedAt: new Date(),
      },
    });
    // an earlier, closed conversation of the same customer
    const old = await client.conversation.create({
      data: {
        tenantId: t.tenantId,
        contactId: contact.id,
        channel: "API",
        status: "CLOSED",
        outcome: "RESOLVED",
      },
    });

    const detail = await t.wang.caller.workbench.conversation({
      tenantId: t.tenantId,
      conversationId: first.conversationId,
    });
    expect(detail.conversation).toMatchObject({
      status: "BOT",
      channel: "API",
      assignee: null,
      sla: { state: "none" },
    });
    expect(detail.messages.map((m) => m.role)).toEqual(["CUSTOMER", "BOT"]);
    const bot = detail.messages[1];
    expect(bot.confidence).toBeGreaterThanOrEqual(0.9);
    expect(bot.evidence).toEqual([{ id: expect.any(String), kind: "qa", title: "退款多久到账？" }]);
    expect(detail.pendingTransfer).toBeNull();

    const panel = await t.wang.caller.workbench.customer({
      tenantId: t.tenantId,
      conversationId: first.conversationId,
    });
    expect(panel.contact).toMatchObject({
      name: "王女士",
      level: "WHITE",
      levelOverride: "WHITE",
      externalId,
    });
    expect(panel.orders).toEqual([
      {
        id: expect.any(String),
        orderNo: "SO-1",
        status: "paid",
        amount: "199.50",
        orderedAt: expect.any(Date),
      },
    ]);
    expect(panel.pastConversations.map((c) => c.id)).toEqual([old.id]);
  });

  it("answers NOT_FOUND for an unknown conversation", async () => {
    const err = await caught(
      t.wang.caller.workbench.conversation({ tenantId: t.tenantId, conversationId: crypto.randomUUID() }),
    );
    expect(err.code).toBe("NOT_FOUND");
  });
});
