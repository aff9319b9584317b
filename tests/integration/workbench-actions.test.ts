import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { getConversation } from "../../server/services/conversations/get-conversation";
import { markDelivery, pendingSends } from "../../server/services/devices/outbound";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { pairedDevice } from "./gateway-helpers";
import { caught } from "./helpers";
import {
  conversationRow,
  messagesOf,
  recordConversation,
  recordInbox,
  seedConversation,
  workbenchTenant,
} from "./workbench-helpers";

// Replies through each channel, internal notes, transfers (accept, decline, cancel), release to the
// bot, closing with a rating request, presence and typing.

let t: Awaited<ReturnType<typeof workbenchTenant>>;
let tenantId: string;
beforeAll(async () => {
  t = await workbenchTenant();
  tenantId = t.tenantId;
});

async function takenBy(agent: typeof t.wang, o: Parameters<typeof seedConversation>[1] = {}) {
  const seeded = await seedConversation(tenantId, o);
  const res = await agent.caller.workbench.takeOver({ tenantId, conversationId: seeded.conversationId });
  expect(res).toEqual({ ok: true });
  return seeded;
}

describe("reply", () => {
  it("queues a WeChat reply in the device's outbox (with the join line) and sets the first response", async () => {
    const device = await pairedDevice(tenantId);
    const { conversationId } = await takenBy(t.wang, { channel: "WECHAT", deviceId: device.deviceId });
    const { message } = await t.wang.caller.workbench.reply({
      tenantId,
      conversationId,
      text: "您好，我来帮您查一下",
    });
    expect(message).toMatchObject({
      role: "AGENT",
      content: "您好，我来帮您查一下",
      senderName: "小王",
      authorName: "小王",
      deliveryStatus: "PENDING",
    });
    const sends = await pendingSends(tenantId, device.deviceId);
    expect(sends.map((s) => s.text)).toEqual([
      "客服【小王】已接入，请问有什么可以帮您？",
      "您好，我来帮您查一下",
    ]);
    expect(sends[1]).toMatchObject({ type: "send", id: message.id });
    // the agent's "sent" settles the system line like any other outgoing message
    expect(await markDelivery(tenantId, device.deviceId, sends[0].id, true)).toBe(true);
    expect((await pendingSends(tenantId, device.deviceId)).map((s) => s.id)).toEqual([message.id]);
    const row = await conversationRow(conversationId);
    expect(row.firstResponseAt).toBeInstanceOf(Date);
    const detail = await t.wang.caller.workbench.conversation({ tenantId, conversationId });
    expect(detail.conversation.sla.state).toBe("met");
  });

  it("delivers a widget reply live (SENT) and an API reply through the REST conversation", async () => {
    const widget = await takenBy(t.wang, { channel: "WIDGET" });
    const live = await recordConversation(widget.conversationId);
    const { message } = await t.wang.caller.workbench.reply({
      tenantId,
      conversationId: widget.conversationId,
      text: "<b>hi</b>",
    });
    await live.stop();
    expect(message.deliveryStatus).toBe("SENT");
    expect(live.events).toContainEqual(
      expect.objectContaining({
        type: "message",
        message: expect.objectContaining({ id: message.id, content: "<b>hi</b>", role: "AGENT" }),
      }),
    );

    const api = await takenBy(t.wang, { channel: "API" });
    const sent = await t.wang.caller.workbench.reply({
      tenantId,
      conversationId: api.conversationId,
      text: "已处理",
    });
    expect(sent.message.deliveryStatus).toBe("SENT");
    const rest = await getConversation(tenantId, api.conversationId);
    expect(rest.messages.at(-1)).toMatchObject({ id: sent.message.id, role: "AGENT", content: "已处理" });
  });

  it("returns the first message for a repeated clientId", async () => {
    const { conversationId } = await takenBy(t.wang);
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      t.wang.caller.workbench.reply({ tenantId, conversationId, text: "一次", clientId }),
      t.wang.caller.workbench.reply({ tenantId, conversationId, text: "一次", clientId }),
    ]);
    expect(a.message.id).toBe(b.message.id);
    expect((await messagesOf(conversationId)).filter((m) => m.role === "AGENT")).toHaveLength(1);
  });

  it("refuses anyone but the assignee", async () => {
    const { conversationId } = await takenBy(t.wang);
    const err = await caught(t.li.caller.workbench.reply({ tenantId, conversationId, text: "插话" }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe("Take over the conversation first");
    const waiting = await seedConversation(tenantId);
    const early = await caught(
      t.wang.caller.workbench.reply({ tenantId, conversationId: waiting.conversationId, text: "x" }),
    );
    expect(early.code).toBe("CONFLICT");
    expect(
      (await caught(t.wang.caller.workbench.reply({ tenantId, conversationId, text: "   " }))).code,
    ).toBe("BAD_REQUEST");
  });
});

describe("internal notes", () => {
  it("are shown to agents only: not in the REST conversation, not on the customer's topic", async () => {
    const { conversationId } = await takenBy(t.wang, { channel: "WIDGET" });
    const inbox = await recordInbox(tenantId);
    const widget = await recordConversation(conversationId);
    const { message } = await t.li.caller.workbench.note({
      tenantId,
      conversationId,
      text: "这位客户上次投诉过",
    });
    await inbox.stop();
    await widget.stop();
    expect(message).toMatchObject({ role: "NOTE", deliveryStatus: null, authorName: "小李" });
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ type: "message", message: expect.objectContaining({ id: message.id }) }),
    );
    expect(widget.events).toEqual([]);
    const rest = await getConversation(tenantId, conversationId);
    expect(rest.messages.map((m) => m.id)).not.toContain(message.id);
    const detail = await t.wang.caller.workbench.conversation({ tenantId, conversationId });
    expect(detail.messages.at(-1)).toMatchObject({ id: message.id, role: "NOTE" });
  });
});

describe("transfer", () => {
  it("moves the conversation when the colleague accepts", async () => {
    const { conversationId } = await takenBy(t.wang, { channel: "WIDGET" });
    const inbox = await recordInbox(tenantId);
    const { transferId } = await t.wang.caller.workbench.transfer({
      tenantId,
      conversationId,
      toUserId: t.li.user.id,
      note: "他要开专票",
    });
    const me = await t.li.caller.workbench.me({ tenantId });
    expect(me.incomingTransfers).toEqual([
      { id: transferId, conversationId, fromName: "小王", note: "他要开专票", createdAt: expect.any(Date) },
    ]);
    const detail = await t.wang.caller.workbench.conversation({ tenantId, conversationId });
    expect(detail.pendingTransfer).toMatchObject({ id: transferId, fromName: "小王", toName: "小李" });
    expect(await t.li.caller.workbench.respondTransfer({ tenantId, transferId, accept: true })).toEqual({
      ok: true,
    });
    await inbox.stop();
    expect(await conversationRow(conversationId)).toMatchObject({
      status: "HUMAN",
      assigneeId: t.li.user.id,
    });
    expect((await messagesOf(conversationId)).at(-1)).toMatchObject({
      role: "SYSTEM",
      content: "已为您转接客服【小李】",
    });
    expect(
      inbox.events.filter((e) => e.type === "transfer").map((e) => e.type === "transfer" && e.status),
    ).toEqual(["PENDING", "ACCEPTED"]);
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ type: "conversation", change: "transferred", assigneeId: t.li.user.id }),
    );
    // the old assignee can no longer reply; the new one can
    expect((await caught(t.wang.caller.workbench.reply({ tenantId, conversationId, text: "x" }))).code).toBe(
      "CONFLICT",
    );
    await t.li.caller.workbench.reply({ tenantId, conversationId, text: "我来跟进" });
    // a second answer finds it settled
    expect(await t.li.caller.workbench.respondTransfer({ tenantId, transferId, accept: true })).toEqual({
      ok: false,
      reason: "not_pending",
    });
  });

  it("keeps the conversation when declined, and lets the requester cancel", async () => {
    const { conversationId } = await takenBy(t.wang);
    const first = await t.wang.caller.workbench.transfer({
      tenantId,
      conversationId,
      toUserId: t.li.user.id,
    });
    expect(
      await t.li.caller.workbench.respondTransfer({ tenantId, transferId: first.transferId, accept: false }),
    ).toEqual({
      ok: true,
    });
    expect((await conversationRow(conversationId)).assigneeId).toBe(t.wang.user.id);
    const client = await db();
    expect(
      await client.conversationEvent.count({ where: { conversationId, type: "transfer_declined" } }),
    ).toBe(1);

    const second = await t.wang.caller.workbench.transfer({
      tenantId,
      conversationId,
      toUserId: t.li.user.id,
    });
    // only the requester cancels; the target gets NOT_FOUND
    expect(
      (await caught(t.li.caller.workbench.cancelTransfer({ tenantId, transferId: second.transferId }))).code,
    ).toBe("NOT_FOUND");
    expect(await t.wang.caller.workbench.cancelTransfer({ tenantId, transferId: second.transferId })).toEqual(
      { ok: true },
    );
    expect(
      await t.li.caller.workbench.respondTransfer({ tenantId, transferId: second.transferId, accept: true }),
    ).toEqual({
      ok: false,
      reason: "not_pending",
    });
    expect((await conversationRow(conversationId)).assigneeId).toBe(t.wang.user.id);
  });

  it("keeps one pending request per conversation and checks who may transfer to whom", async () => {
    const { conversationId } = await takenBy(t.wang);
    const old = await t.wang.caller.workbench.transfer({ tenantId, conversationId, toUserId: t.li.user.id });
    const owner = t.owner.user.id;
    const fresh = await t.wang.caller.workbench.transfer({ tenantId, conversationId, toUserId: owner });
    const client = await db();
    expect(await client.transferRequest.findUniqueOrThrow({ where: { id: old.transferId } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(
      (await t.wang.caller.workbench.conversation({ tenantId, conversationId })).pendingTransfer?.id,
    ).toBe(fresh.transferId);
    const toViewer = await caught(
      t.wang.caller.workbench.transfer({ tenantId, conversationId, toUserId: t.viewer.user.id }),
    );
    expect(toViewer).toMatchObject({ code: "BAD_REQUEST" });
    const toSelf = await caught(
      t.wang.caller.workbench.transfer({ tenantId, conversationId, toUserId: t.wang.user.id }),
    );
    expect(toSelf.code).toBe("BAD_REQUEST");
    const notMine = await caught(
      t.li.caller.workbench.transfer({ tenantId, conversationId, toUserId: owner }),
    );
    expect(notMine.code).toBe("CONFLICT");
  });

  it("refuses an accept beyond the target's capacity", async () => {
    const { conversationId } = await takenBy(t.wang);
    const client = await db();
    await client.membership.updateMany({
      where: { tenantId, userId: t.owner.user.id },
      data: { maxConcurrent: 0 },
    });
    const { transferId } = await t.wang.caller.workbench.transfer({
      tenantId,
      conversationId,
      toUserId: t.owner.user.id,
    });
    expect(await t.owner.caller.workbench.respondTransfer({ tenantId, transferId, accept: true })).toEqual({
      ok: false,
      reason: "at_capacity",
    });
    expect((await conversationRow(conversationId)).assigneeId).toBe(t.wang.user.id);
    await client.membership.updateMany({
      where: { tenantId, userId: t.owner.user.id },
      data: { maxConcurrent: 5 },
    });
  });
});

describe("release and close", () => {
  it("gives the conversation back to the bot, which answers again", async () => {
    const externalId = `rel-${randomUUID()}`;
    const asked = await processIncomingMessage({
      tenantId,
      channel: "API",
      contact: { externalId },
      text: "转人工",
    });
    expect(asked.action).toBe("transfer");
    const conversationId = asked.conversationId;
    await t.wang.caller.workbench.takeOver({ tenantId, conversationId });
    const pending = await t.wang.caller.workbench.transfer({
      tenantId,
      conversationId,
      toUserId: t.li.user.id,
    });
    // someone else's conversation: an AGENT may not release it
    expect((await caught(t.li.caller.workbench.release({ tenantId, conversationId }))).code).toBe("CONFLICT");
    const inbox = await recordInbox(tenantId);
    expect(await t.wang.caller.workbench.release({ tenantId, conversationId })).toEqual({ ok: true });
    await inbox.stop();
    expect(await conversationRow(conversationId)).toMatchObject({ status: "BOT", assigneeId: null });
    expect((await messagesOf(conversationId)).at(-1)).toMatchObject({
      role: "SYSTEM",
      content: "已为您转回智能助手",
    });
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ type: "conversation", change: "released", status: "BOT" }),
    );
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ type: "transfer", transferId: pending.transferId, status: "CANCELLED" }),
    );
    const next = await processIncomingMessage({
      tenantId,
      channel: "API",
      contact: { externalId },
      text: "退款多久到账",
    });
    expect(next).toMatchObject({ conversationId, action: "reply" });
    expect(next.content).toContain("1-3 个工作日");
  });

  it("lets an ADMIN release an agent's conversation", async () => {
    const { conversationId } = await takenBy(t.wang);
    expect(await t.owner.caller.workbench.release({ tenantId, conversationId })).toEqual({ ok: true });
    expect((await conversationRow(conversationId)).status).toBe("BOT");
  });

  it("closes with an outcome and asks for a rating", async () => {
    const { conversationId } = await takenBy(t.wang, { channel: "WIDGET" });
    const widget = await recordConversation(conversationId);
    expect(
      (
        await caught(
          t.li.caller.workbench.close({
            tenantId,
            conversationId,
            outcome: "RESOLVED",
            requestSatisfaction: true,
          }),
        )
      ).code,
    ).toBe("CONFLICT");
    await t.wang.caller.workbench.close({
      tenantId,
      conversationId,
      outcome: "RESOLVED",
      requestSatisfaction: true,
    });
    await widget.stop();
    const row = await conversationRow(conversationId);
    expect(row).toMatchObject({ status: "CLOSED", outcome: "RESOLVED", closedAt: expect.any(Date) });
    expect((await messagesOf(conversationId)).at(-1)).toMatchObject({
      role: "SYSTEM",
      content: "请为本次服务打分（1-5）",
    });
    expect(widget.events).toContainEqual(
      expect.objectContaining({
        type: "conversation",
        status: "CLOSED",
        change: "closed",
        satisfactionRequested: true,
      }),
    );
    const detail = await t.wang.caller.workbench.conversation({ tenantId, conversationId });
    expect(detail.conversation.satisfactionRequested).toBe(true);
    expect(detail.events.at(-1)).toMatchObject({
      type: "closed",
      actorName: "小王",
      data: { outcome: "RESOLVED", satisfactionRequested: true },
    });
    const again = await caught(
      t.wang.caller.workbench.close({
        tenantId,
        conversationId,
        outcome: "RESOLVED",
        requestSatisfaction: false,
      }),
    );
    expect(again.code).toBe("CONFLICT");
  });

  it("lets any agent close a conversation nobody handles, without a rating request", async () => {
    const { conversationId } = await seedConversation(tenantId);
    await t.li.caller.workbench.close({
      tenantId,
      conversationId,
      outcome: "SPAM",
      requestSatisfaction: false,
    });
    expect(await conversationRow(conversationId)).toMatchObject({ status: "CLOSED", outcome: "SPAM" });
    expect((await messagesOf(conversationId)).map((m) => m.role)).toEqual(["CUSTOMER"]);
  });
});

describe("presence and typing", () => {
  it("sets presence, shows it in the agents list and publishes it", async () => {
    const inbox = await recordInbox(tenantId);
    await t.li.caller.workbench.setPresence({ tenantId, presence: "BUSY" });
    await inbox.stop();
    expect(inbox.events).toContainEqual({
      type: "presence",
      tenantId,
      userId: t.li.user.id,
      presence: "BUSY",
    });
    const agents = await t.wang.caller.workbench.agents({ tenantId });
    expect(agents.find((a) => a.userId === t.li.user.id)).toMatchObject({
      name: "小李",
      presence: "BUSY",
      role: "AGENT",
    });
    expect(agents.map((a) => a.userId)).not.toContain(t.viewer.user.id);
    expect(agents.map((a) => a.userId)).not.toContain(t.reviewer.user.id);
    expect((await t.li.caller.workbench.me({ tenantId })).presence).toBe("BUSY");
  });

  it("relays the assignee's typing to the customer, and nobody else's", async () => {
    const { conversationId } = await takenBy(t.wang, { channel: "WIDGET" });
    const widget = await recordConversation(conversationId);
    await t.wang.caller.workbench.typing({ tenantId, conversationId, on: true });
    await widget.stop();
    expect(widget.events).toEqual([{ type: "typing", tenantId, conversationId, from: "agent", on: true }]);
    expect((await caught(t.li.caller.workbench.typing({ tenantId, conversationId, on: true }))).code).toBe(
      "CONFLICT",
    );
  });
});
