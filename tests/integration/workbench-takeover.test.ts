import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { callerFor, caught } from "./helpers";
import {
  conversationRow,
  messagesOf,
  namedMember,
  recordConversation,
  recordInbox,
  seedConversation,
  workbenchTenant,
} from "./workbench-helpers";

// Taking over: from the queue, from the bot, from the tickets; two agents racing (exactly one wins,
// the other learns who has it); the agent's capacity, also when the same agent races themselves;
// and who may not take over at all.

let t: Awaited<ReturnType<typeof workbenchTenant>>;
beforeAll(async () => {
  t = await workbenchTenant();
});

describe("take over", () => {
  it("takes a waiting conversation: HUMAN, an event, a system line to the customer, live events", async () => {
    const { conversationId } = await seedConversation(t.tenantId);
    const inbox = await recordInbox(t.tenantId);
    const widget = await recordConversation(conversationId);
    const res = await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId });
    await inbox.stop();
    await widget.stop();
    expect(res).toEqual({ ok: true });
    expect(await conversationRow(conversationId)).toMatchObject({
      status: "HUMAN",
      assigneeId: t.wang.user.id,
    });
    const client = await db();
    const events = await client.conversationEvent.findMany({ where: { conversationId } });
    expect(events).toMatchObject([
      { type: "taken_over", fromStatus: "PENDING_HUMAN", toStatus: "HUMAN", actorId: t.wang.user.id },
    ]);
    const line = (await messagesOf(conversationId)).at(-1)!;
    expect(line).toMatchObject({
      role: "SYSTEM",
      content: "客服【小王】已接入，请问有什么可以帮您？",
      deliveryStatus: "SENT",
    });
    for (const events of [inbox.events, widget.events]) {
      expect(events).toContainEqual(
        expect.objectContaining({
          type: "conversation",
          change: "taken_over",
          agentName: "小王",
          status: "HUMAN",
        }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          type: "message",
          message: expect.objectContaining({ id: line.id, role: "SYSTEM" }),
        }),
      );
    }
    // taking it again is a no-op for the assignee
    expect(await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId })).toEqual({
      ok: true,
    });
    expect((await messagesOf(conversationId)).filter((m) => m.role === "SYSTEM")).toHaveLength(1);
  });

  it("takes a conversation from the bot (the bot then stays quiet) and picks up a ticket", async () => {
    const asked = await processIncomingMessage({
      tenantId: t.tenantId,
      channel: "API",
      contact: { externalId: "bot-customer" },
      text: "退款多久到账",
    });
    expect(asked.action).toBe("reply");
    const conversationId = asked.conversationId;
    expect(await t.li.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId })).toEqual({
      ok: true,
    });
    expect(await conversationRow(conversationId)).toMatchObject({
      status: "HUMAN",
      assigneeId: t.li.user.id,
      escalationReason: "agent_takeover",
      escalatedAt: expect.any(Date),
    });
    const again = await processIncomingMessage({
      tenantId: t.tenantId,
      channel: "API",
      contact: { externalId: "bot-customer" },
      text: "怎么开发票",
    });
    expect(again).toMatchObject({ conversationId, action: "ignore", reason: "human_mode" });

    const ticket = await seedConversation(t.tenantId, { status: "TICKET" });
    const res = await t.li.caller.workbench.takeOver({
      tenantId: t.tenantId,
      conversationId: ticket.conversationId,
    });
    expect(res).toEqual({ ok: true });
    const client = await db();
    expect(
      await client.conversationEvent.findFirst({ where: { conversationId: ticket.conversationId } }),
    ).toMatchObject({ type: "taken_over", fromStatus: "TICKET" });
  });

  it("speaks English when the tenant does", async () => {
    const en = await workbenchTenant({ language: "en" });
    const { conversationId } = await seedConversation(en.tenantId);
    await en.wang.caller.workbench.takeOver({ tenantId: en.tenantId, conversationId });
    expect((await messagesOf(conversationId)).at(-1)?.content).toBe("小王 has joined the conversation.");
  });

  it("lets exactly one of two racing agents win; the other learns who has it", async () => {
    for (let round = 0; round < 5; round++) {
      const { conversationId } = await seedConversation(t.tenantId);
      const results = await Promise.all([
        t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId }),
        t.li.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId }),
      ]);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const row = await conversationRow(conversationId);
      const winnerName = row.assigneeId === t.wang.user.id ? "小王" : "小李";
      expect(results.find((r) => !r.ok)).toEqual({
        ok: false,
        reason: "already_taken",
        assigneeName: winnerName,
      });
      const lines = (await messagesOf(conversationId)).filter((m) => m.role === "SYSTEM");
      expect(lines.map((l) => l.content)).toEqual([`客服【${winnerName}】已接入，请问有什么可以帮您？`]);
      const client = await db();
      expect(await client.conversationEvent.count({ where: { conversationId, type: "taken_over" } })).toBe(1);
    }
  });

  it("reports closed and unknown conversations", async () => {
    const closed = await seedConversation(t.tenantId, { status: "CLOSED" });
    expect(
      await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: closed.conversationId }),
    ).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(
      await t.wang.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: crypto.randomUUID() }),
    ).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("capacity", () => {
  it("refuses a takeover beyond maxConcurrent", async () => {
    const solo = await namedMember(t.tenantId, "小张", "AGENT", 1);
    const a = await seedConversation(t.tenantId);
    const b = await seedConversation(t.tenantId);
    expect(
      await solo.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: a.conversationId }),
    ).toEqual({
      ok: true,
    });
    expect(
      await solo.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: b.conversationId }),
    ).toEqual({
      ok: false,
      reason: "at_capacity",
    });
    expect((await conversationRow(b.conversationId)).status).toBe("PENDING_HUMAN");
    expect(await solo.caller.workbench.me({ tenantId: t.tenantId })).toMatchObject({
      active: 1,
      maxConcurrent: 1,
    });
  });

  it("holds under a parallel race by the same agent", async () => {
    for (let round = 0; round < 3; round++) {
      const solo = await namedMember(t.tenantId, `单人${round}`, "AGENT", 1);
      const convs = await Promise.all([1, 2, 3].map(() => seedConversation(t.tenantId)));
      const results = await Promise.all(
        convs.map((c) =>
          solo.caller.workbench.takeOver({ tenantId: t.tenantId, conversationId: c.conversationId }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([
        { ok: false, reason: "at_capacity" },
        { ok: false, reason: "at_capacity" },
      ]);
      const client = await db();
      expect(await client.conversation.count({ where: { assigneeId: solo.user.id, status: "HUMAN" } })).toBe(
        1,
      );
    }
  });
});

describe("permissions", () => {
  it("refuses VIEWER and REVIEWER on every workbench action", async () => {
    const { conversationId } = await seedConversation(t.tenantId);
    for (const who of [t.viewer, t.reviewer]) {
      const c = who.caller.workbench;
      const tenantId = t.tenantId;
      const calls = [
        c.takeOver({ tenantId, conversationId }),
        c.release({ tenantId, conversationId }),
        c.transfer({ tenantId, conversationId, toUserId: t.li.user.id }),
        c.reply({ tenantId, conversationId, text: "hi" }),
        c.note({ tenantId, conversationId, text: "hi" }),
        c.close({ tenantId, conversationId, outcome: "SPAM", requestSatisfaction: false }),
        c.inbox({ tenantId, view: "waiting" }),
        c.conversation({ tenantId, conversationId }),
      ];
      for (const call of calls) expect((await caught(call)).code).toBe("FORBIDDEN");
    }
    expect((await conversationRow(conversationId)).status).toBe("PENDING_HUMAN");
  });

  it("refuses callers who are not signed in", async () => {
    const { conversationId } = await seedConversation(t.tenantId);
    const c = callerFor(null).workbench;
    const tenantId = t.tenantId;
    for (const call of [
      c.takeOver({ tenantId, conversationId }),
      c.release({ tenantId, conversationId }),
      c.transfer({ tenantId, conversationId, toUserId: t.li.user.id }),
      c.respondTransfer({ tenantId, transferId: crypto.randomUUID(), accept: true }),
      c.reply({ tenantId, conversationId, text: "hi" }),
      c.inbox({ tenantId, view: "waiting" }),
    ])
      expect((await caught(call)).code).toBe("UNAUTHORIZED");
    expect((await conversationRow(conversationId)).status).toBe("PENDING_HUMAN");
  });
});
