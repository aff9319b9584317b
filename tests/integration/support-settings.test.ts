import { describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { caught, memberOf, ownerWithTenant, uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

const fieldOf = (e: { cause?: unknown }) => (e.cause as { field?: string } | undefined)?.field;
const DEFAULTS = { firstResponseMinutes: { urgent: 5, high: 15, normal: 30, low: 60 }, warnAt: 0.8 };

describe("support settings", () => {
  it("reads defaults, saves SLA and the VIP switch without clobbering other settings keys", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const client = await db();
    await client.tenant.update({
      where: { id: t },
      data: {
        settings: { bot: { botName: "小美" }, widget: { color: "#123456" }, escalation: { other: 1 } },
      },
    });
    expect(await caller.supportSettings.get({ tenantId: t })).toEqual({
      sla: DEFAULTS,
      notificationEmail: null,
      vipDirectToHuman: true,
    });

    const saved = await caller.supportSettings.update({
      tenantId: t,
      sla: { firstResponseMinutes: { urgent: 3, high: 10 }, warnAt: 0.5 },
    });
    expect(saved.sla).toEqual({
      firstResponseMinutes: { urgent: 3, high: 10, normal: 30, low: 60 },
      warnAt: 0.5,
    });
    await caller.supportSettings.update({ tenantId: t, sla: { firstResponseMinutes: { low: 120 } } });
    await caller.supportSettings.update({ tenantId: t, vipDirectToHuman: false });
    expect(await caller.supportSettings.get({ tenantId: t })).toEqual({
      sla: { firstResponseMinutes: { urgent: 3, high: 10, normal: 30, low: 120 }, warnAt: 0.5 },
      notificationEmail: null,
      vipDirectToHuman: false,
    });
    const row = await client.tenant.findUniqueOrThrow({ where: { id: t }, select: { settings: true } });
    expect(row.settings).toEqual({
      bot: { botName: "小美" },
      widget: { color: "#123456" },
      escalation: { other: 1, vipDirectToHuman: false },
      sla: { firstResponseMinutes: { urgent: 3, high: 10, normal: 30, low: 120 }, warnAt: 0.5 },
    });
    expect(await client.auditLog.count({ where: { tenantId: t, action: "support_settings.updated" } })).toBe(
      3,
    );
  });

  it("validates the SLA: whole minutes in range, warn share in range, more urgent never longer", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const bad = async (sla: Record<string, unknown>) =>
      caught(caller.supportSettings.update({ tenantId: t, sla } as never));
    for (const minutes of [0, -5, 1.5, 7 * 24 * 60 + 1])
      expect((await bad({ firstResponseMinutes: { normal: minutes } })).code, String(minutes)).toBe(
        "BAD_REQUEST",
      );
    for (const warnAt of [0, 0.05, 1.2]) expect((await bad({ warnAt })).code).toBe("BAD_REQUEST");
    // urgent longer than the stored high target (15)
    const order = await bad({ firstResponseMinutes: { urgent: 20 } });
    expect(order.code).toBe("BAD_REQUEST");
    expect(fieldOf(order)).toBe("sla.firstResponseMinutes.urgent");
    const order2 = await bad({ firstResponseMinutes: { normal: 90 } }); // normal 90 > low 60
    expect(fieldOf(order2)).toBe("sla.firstResponseMinutes.normal");
    // equal targets are allowed
    await caller.supportSettings.update({ tenantId: t, sla: { firstResponseMinutes: { urgent: 15 } } });
    expect((await caller.supportSettings.get({ tenantId: t })).sla).toEqual({
      ...DEFAULTS,
      firstResponseMinutes: { ...DEFAULTS.firstResponseMinutes, urgent: 15 },
    });
  });

  it("sets and clears the notification address through the tenant's own service", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const email = `ops-${uniq()}@example.com`;
    expect(
      (await caller.supportSettings.update({ tenantId: t, notificationEmail: email })).notificationEmail,
    ).toBe(email);
    expect((await caller.tenant.get({ tenantId: t })).notificationEmail).toBe(email);
    const bad = await caught(
      caller.supportSettings.update({ tenantId: t, notificationEmail: "not-an-email" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await caller.supportSettings.get({ tenantId: t })).notificationEmail).toBe(email);
    await caller.supportSettings.update({ tenantId: t, notificationEmail: "" });
    expect((await caller.supportSettings.get({ tenantId: t })).notificationEmail).toBeNull();
    const client = await db();
    expect(await client.auditLog.count({ where: { tenantId: t, action: "tenant.updated" } })).toBe(2);
  });

  it("lets members read and only admins change the support settings", async () => {
    const { tenant } = await ownerWithTenant();
    const t = tenant.id;
    const agent = await memberOf(t, "AGENT");
    const viewer = await memberOf(t, "VIEWER");
    const admin = await memberOf(t, "ADMIN");
    expect((await viewer.caller.supportSettings.get({ tenantId: t })).vipDirectToHuman).toBe(true);
    for (const c of [agent.caller, viewer.caller])
      expect((await caught(c.supportSettings.update({ tenantId: t, vipDirectToHuman: false }))).code).toBe(
        "FORBIDDEN",
      );
    await admin.caller.supportSettings.update({ tenantId: t, vipDirectToHuman: false });
    expect((await agent.caller.supportSettings.get({ tenantId: t })).vipDirectToHuman).toBe(false);
  });
});

describe("agent capacity", () => {
  it("admins set the max concurrent chats of members who use the workbench; agents may not", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const t = tenant.id;
    const agent = await memberOf(t, "AGENT");
    const admin = await memberOf(t, "ADMIN");
    const reviewer = await memberOf(t, "REVIEWER");
    const capacityOf = async (userId: string) =>
      (await caller.members.list({ tenantId: t })).find((m) => m.userId === userId)?.maxConcurrent;
    expect(await capacityOf(agent.user.id)).toBe(5);

    expect(
      await admin.caller.members.setCapacity({ tenantId: t, userId: agent.user.id, maxConcurrent: 8 }),
    ).toEqual({
      userId: agent.user.id,
      maxConcurrent: 8,
    });
    expect(await capacityOf(agent.user.id)).toBe(8);
    await caller.members.setCapacity({ tenantId: t, userId: user.id, maxConcurrent: 2 }); // the owner's own
    expect(await capacityOf(user.id)).toBe(2);

    const forbidden = await caught(
      agent.caller.members.setCapacity({ tenantId: t, userId: agent.user.id, maxConcurrent: 50 }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(await capacityOf(agent.user.id)).toBe(8);
    for (const maxConcurrent of [0, 51, 2.5])
      expect(
        (await caught(caller.members.setCapacity({ tenantId: t, userId: agent.user.id, maxConcurrent })))
          .code,
      ).toBe("BAD_REQUEST");
    const noWorkbench = await caught(
      caller.members.setCapacity({ tenantId: t, userId: reviewer.user.id, maxConcurrent: 3 }),
    );
    expect([noWorkbench.code, fieldOf(noWorkbench)]).toEqual(["BAD_REQUEST", "userId"]);
    const stranger = await ownerWithTenant();
    expect(
      (await caught(caller.members.setCapacity({ tenantId: t, userId: stranger.user.id, maxConcurrent: 3 })))
        .code,
    ).toBe("NOT_FOUND");
    const client = await db();
    const audit = await client.auditLog.findMany({
      where: { tenantId: t, action: "member.capacity_changed" },
      orderBy: { createdAt: "asc" },
      select: { data: true },
    });
    expect(audit.map((a) => a.data)).toEqual([
      { email: agent.user.email, from: 5, to: 8 },
      { email: expect.any(String), from: 5, to: 2 },
    ]);
  });
});

describe("VIP escalation", () => {
  async function vipContact(tenantId: string, vip = true) {
    const client = await db();
    return client.contact.create({
      data: { tenantId, channel: "API", externalId: `vip-${uniq()}`, name: "王总", vip },
    });
  }
  const ask = (tenantId: string, externalId: string, text: string) =>
    processIncomingMessage({ tenantId, channel: "API", contact: { externalId }, text });

  it("sends a VIP's message straight to the human queue with priority 20", async () => {
    const { tenant } = await pipelineTenant();
    const contact = await vipContact(tenant.id);
    const r = await ask(tenant.id, contact.externalId, "退款多久到账"); // the bot would know this one
    expect(r).toMatchObject({ action: "transfer", reason: "vip" });
    expect(r.content).not.toContain("1-3 个工作日");
    const client = await db();
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(conv).toMatchObject({ status: "PENDING_HUMAN", escalationReason: "vip", priority: 20 });
    const bot = await client.message.findFirstOrThrow({ where: { conversationId: conv.id, role: "BOT" } });
    expect(bot).toMatchObject({ action: "TRANSFER", content: r.content });
    // a regular customer of the same tenant still gets the bot's answer
    const regular = await ask(tenant.id, `c-${uniq()}`, "退款多久到账");
    expect(regular).toMatchObject({ action: "reply", reason: "direct_answer" });
  });

  it("lets the bot answer a VIP when the switch is off", async () => {
    const { tenant, caller } = await pipelineTenant();
    await caller.supportSettings.update({ tenantId: tenant.id, vipDirectToHuman: false });
    const contact = await vipContact(tenant.id);
    const r = await ask(tenant.id, contact.externalId, "退款多久到账");
    expect(r).toMatchObject({ action: "reply", reason: "direct_answer" });
    expect(r.content).toContain("1-3 个工作日");
    const client = await db();
    expect((await client.conversation.findUniqueOrThrow({ where: { id: r.conversationId } })).status).toBe(
      "BOT",
    );
  });

  it("makes a VIP's message a ticket after hours", async () => {
    const { tenant } = await pipelineTenant({ open: false });
    const contact = await vipContact(tenant.id);
    const r = await ask(tenant.id, contact.externalId, "你好，在吗");
    expect(r).toMatchObject({ action: "transfer", reason: "vip" });
    const client = await db();
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(conv).toMatchObject({ status: "TICKET", escalationReason: "vip", priority: 20 });
    await drainInProcessJobs();
  });

  it("does not send a VIP back to the queue after a human handed the conversation to the bot", async () => {
    const { tenant } = await pipelineTenant();
    const contact = await vipContact(tenant.id);
    const first = await ask(tenant.id, contact.externalId, "你好");
    const client = await db();
    // what a release does: back to the bot, the escalation kept as history
    await client.conversation.updateMany({
      where: { id: first.conversationId, tenantId: tenant.id },
      data: { status: "BOT", assigneeId: null },
    });
    const next = await ask(tenant.id, contact.externalId, "退款多久到账");
    expect(next).toMatchObject({ conversationId: first.conversationId, action: "reply" });
  });
});
