import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { emit } from "../../inngest/emit";
import { lifecycleSweep } from "../../inngest/functions/conversations/lifecycle-sweep";
import { lifecycleSweepSchedule } from "../../inngest/functions/conversations/lifecycle-sweep-schedule";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import type { ConversationType } from "../../server/db/generated/prisma/enums";
import { pendingSends } from "../../server/services/devices/outbound";
import { bandFor } from "../../server/services/lifecycle/lifecycle-bands";
import {
  DEFAULT_LIFECYCLE_THRESHOLDS,
  loadLifecycleSettings,
  saveLifecycleSettings,
} from "../../server/services/lifecycle/lifecycle-settings";
import { sweepTenantLifecycle, tenantsToSweep } from "../../server/services/lifecycle/sweep-lifecycle";
import { DEFAULT_TEMPLATES } from "../../server/services/rules/default-rules";
import { pairedDevice } from "./gateway-helpers";
import { caught } from "./helpers";
import { ask, humanAnswered } from "./learning-helpers";
import {
  conversationRow,
  messagesOf,
  recordConversation,
  recordInbox,
  seedConversation,
  workbenchTenant,
} from "./workbench-helpers";

// The conversation lifecycle sweep (PRODUCT.md §8): bands by quiet time and conversation type, the
// idle prompt once per idle period on each channel, expired bot conversations closed (and learned
// from), human conversations never closed, idempotence and tenant isolation.

const IDLE_PROMPT = DEFAULT_TEMPLATES["zh-CN"].idlePrompt;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

let t: Awaited<ReturnType<typeof workbenchTenant>>;
let tenantId: string;
beforeAll(async () => {
  t = await workbenchTenant();
  tenantId = t.tenantId;
});

async function seeded(
  o: Parameters<typeof seedConversation>[1] & { type?: ConversationType; quiet: number },
  tenant = tenantId,
) {
  const s = await seedConversation(tenant, { ...o, lastMessageAt: minutesAgo(o.quiet) });
  const client = await db();
  if (o.type) await client.conversation.update({ where: { id: s.conversationId }, data: { type: o.type } });
  return s.conversationId;
}

async function setQuiet(conversationId: string, minutes: number) {
  const client = await db();
  await client.conversation.update({
    where: { id: conversationId },
    data: { lastMessageAt: minutesAgo(minutes) },
  });
}

const systemLines = async (conversationId: string) =>
  (await messagesOf(conversationId)).filter((m) => m.role === "SYSTEM").map((m) => m.content);

describe("lifecycle bands", () => {
  it("moves conversations of each type into the band of their quiet time (defaults per type)", async () => {
    const expected: { id: string; band: string }[] = [];
    for (const type of ["CHAT", "CONSULT", "BUSINESS"] as const) {
      const th = DEFAULT_LIFECYCLE_THRESHOLDS[type];
      // the middle of each band, for agents' conversations so nothing is closed
      const quiet = [th.idle / 2, (th.idle + th.dormant) / 2, (th.dormant + th.expired) / 2, th.expired * 2];
      for (const q of quiet)
        expected.push({
          id: await seeded({ status: "HUMAN", assigneeId: t.wang.user.id, type, quiet: q }),
          band: bandFor(q, th),
        });
    }
    expect(expected.map((e) => e.band)).toEqual(
      Array.from({ length: 3 }, () => ["ACTIVE", "IDLE", "DORMANT", "EXPIRED"]).flat(),
    );
    await sweepTenantLifecycle(tenantId);
    for (const e of expected) {
      const row = await conversationRow(e.id);
      expect({ id: e.id, lifecycle: row.lifecycle, status: row.status }).toEqual({
        id: e.id,
        lifecycle: e.band,
        status: "HUMAN",
      });
    }
    // a CHAT conversation quiet for 20 minutes is dormant, a BUSINESS one only idle... by type
    const chat = await seeded({ status: "HUMAN", assigneeId: t.wang.user.id, type: "CHAT", quiet: 20 });
    const business = await seeded({
      status: "HUMAN",
      assigneeId: t.wang.user.id,
      type: "BUSINESS",
      quiet: 20,
    });
    await sweepTenantLifecycle(tenantId);
    expect((await conversationRow(chat)).lifecycle).toBe("DORMANT");
    expect((await conversationRow(business)).lifecycle).toBe("ACTIVE");
  });

  it("records a lifecycle event per change, and a second sweep changes nothing", async () => {
    const id = await seeded({ status: "PENDING_HUMAN", type: "CONSULT", quiet: 45 });
    await sweepTenantLifecycle(tenantId);
    const again = await sweepTenantLifecycle(tenantId);
    expect(again).toEqual({
      moved: { ACTIVE: 0, IDLE: 0, DORMANT: 0, EXPIRED: 0 },
      prompted: [],
      closed: [],
    });
    const client = await db();
    const events = await client.conversationEvent.findMany({ where: { conversationId: id } });
    expect(events.map((e) => [e.type, e.data])).toEqual([["lifecycle", { from: "ACTIVE", to: "DORMANT" }]]);
    expect((await conversationRow(id)).status).toBe("PENDING_HUMAN");
  });

  it("uses the tenant's own thresholds and rejects thresholds out of order", async () => {
    const other = await workbenchTenant();
    const actor = { actorId: other.owner.user.id, actorEmail: "owner@example.com" };
    await saveLifecycleSettings(other.tenantId, actor, { CHAT: { idle: 1, dormant: 2, expired: 3 } });
    expect(await loadLifecycleSettings(other.tenantId)).toMatchObject({
      CHAT: { idle: 1, dormant: 2, expired: 3 },
      CONSULT: DEFAULT_LIFECYCLE_THRESHOLDS.CONSULT,
    });
    const id = await seeded({ status: "HUMAN", assigneeId: other.wang.user.id, quiet: 2.5 }, other.tenantId);
    await sweepTenantLifecycle(other.tenantId);
    expect((await conversationRow(id)).lifecycle).toBe("DORMANT");
    const err = await caught(
      saveLifecycleSettings(other.tenantId, actor, { CHAT: { idle: 10, dormant: 5, expired: 30 } }),
    );
    expect(err.message).toMatch(/before dormant/);
  });
});

describe("idle prompt", () => {
  it("a widget conversation gets one system line and a live event per idle period", async () => {
    const contact = `w-${Date.now()}`;
    const first = await ask(tenantId, "你好", contact);
    const conversationId = first.conversationId;
    const client = await db();
    await client.conversation.update({ where: { id: conversationId }, data: { channel: "WIDGET" } });
    await setQuiet(conversationId, 7);
    const live = await recordConversation(conversationId);
    const res = await sweepTenantLifecycle(tenantId);
    await live.stop();
    expect(res.prompted).toContain(conversationId);
    expect(await systemLines(conversationId)).toEqual([IDLE_PROMPT]);
    const [line] = (await messagesOf(conversationId)).filter((m) => m.role === "SYSTEM");
    expect(line.deliveryStatus).toBe("SENT");
    expect(live.events).toContainEqual(
      expect.objectContaining({
        type: "message",
        message: expect.objectContaining({ role: "SYSTEM", content: IDLE_PROMPT }),
      }),
    );
    // the prompt does not count as activity, and a later sweep does not repeat it
    const row = await conversationRow(conversationId);
    expect(row.lifecycle).toBe("IDLE");
    await setQuiet(conversationId, 12);
    await sweepTenantLifecycle(tenantId);
    expect(await systemLines(conversationId)).toEqual([IDLE_PROMPT]);

    // the customer writes again: ACTIVE, and the next quiet spell prompts again
    await ask(tenantId, "还在，想问一下发票", contact);
    expect((await conversationRow(conversationId)).lifecycle).toBe("ACTIVE");
    await setQuiet(conversationId, 7);
    await sweepTenantLifecycle(tenantId);
    expect(await systemLines(conversationId)).toEqual([IDLE_PROMPT, IDLE_PROMPT]);
  });

  it("a WeChat conversation gets the prompt in its device's outbox", async () => {
    const device = await pairedDevice(tenantId);
    const id = await seeded({ status: "BOT", channel: "WECHAT", deviceId: device.deviceId, quiet: 6 });
    await sweepTenantLifecycle(tenantId);
    const sends = await pendingSends(tenantId, device.deviceId, id);
    expect(sends.map((s) => s.text)).toEqual([IDLE_PROMPT]);
  });

  it("is never sent to a conversation an agent handles or waits for, nor into a group chat", async () => {
    const human = await seeded({ status: "HUMAN", assigneeId: t.wang.user.id, channel: "WIDGET", quiet: 7 });
    const waiting = await seeded({ status: "PENDING_HUMAN", channel: "WIDGET", quiet: 7 });
    const group = await seeded({ status: "BOT", channel: "WECHAT", quiet: 7 });
    const client = await db();
    await client.conversation.update({ where: { id: group }, data: { chatType: "GROUP" } });
    await sweepTenantLifecycle(tenantId);
    for (const id of [human, waiting, group]) {
      expect((await conversationRow(id)).lifecycle).toBe("IDLE");
      expect(await systemLines(id)).toEqual([]);
    }
  });

  it("uses the tenant's edited template in the tenant's language", async () => {
    const en = await workbenchTenant({ language: "en" });
    const id = await seeded({ status: "BOT", quiet: 6 }, en.tenantId);
    await sweepTenantLifecycle(en.tenantId);
    expect(await systemLines(id)).toEqual([DEFAULT_TEMPLATES.en.idlePrompt]);
  });
});

describe("expiry", () => {
  it("closes an expired bot conversation, announces it, and the close feeds learning", async () => {
    const question = "充电桩可以装在地下车库吗？";
    const answer =
      "可以的。地下车库安装需要物业出具同意书，并确认车位附近能接独立电表，师傅上门勘测后免费设计走线。";
    const conversationId = await humanAnswered(t, { question, answer });
    await t.wang.caller.workbench.release({ tenantId, conversationId });
    // past the expiry of any type (the pipeline classified it; a question is usually CONSULT)
    await setQuiet(conversationId, 300);
    const humanExpired = await seeded({ status: "HUMAN", assigneeId: t.wang.user.id, quiet: 45 });
    await drainInProcessJobs();

    const inbox = await recordInbox(tenantId);
    const result = (await runJobInProcess(lifecycleSweep as never, { tenantId })) as { closed: string[] };
    await inbox.stop();
    expect(result.closed).toEqual([conversationId]);

    const row = await conversationRow(conversationId);
    expect(row).toMatchObject({ status: "CLOSED", lifecycle: "EXPIRED", outcome: null });
    expect(row.closedAt).toBeInstanceOf(Date);
    expect(await conversationRow(humanExpired)).toMatchObject({ status: "HUMAN", lifecycle: "EXPIRED" });
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ type: "conversation", conversationId, status: "CLOSED", change: "closed" }),
    );
    const client = await db();
    const closed = await client.conversationEvent.findFirstOrThrow({
      where: { conversationId, type: "closed" },
    });
    expect(closed).toMatchObject({ fromStatus: "BOT", toStatus: "CLOSED", data: { reason: "idle" } });

    // kefu/conversation.closed (reason idle) ran the learning extraction in-process
    await drainInProcessJobs();
    const learned = await client.learnedKnowledge.findMany({ where: { tenantId, conversationId } });
    expect(learned.map((l) => [l.question, l.answeredBy])).toEqual([[question, "HUMAN"]]);
    const runs = await client.jobRun.findMany({
      where: { tenantId, functionId: { in: ["conversations-sweep-tenant", "extract-learning"] } },
    });
    expect(runs.filter((r) => r.status === "SUCCEEDED").map((r) => r.functionId)).toEqual(
      expect.arrayContaining(["conversations-sweep-tenant", "extract-learning"]),
    );

    // a new message after the close opens a new conversation
    const next = await ask(tenantId, "下单后多久发货？");
    expect(next.conversationId).not.toBe(conversationId);
  });

  it("runs under Inngest's test engine: the sweep step, then one closed event per closed conversation", async () => {
    const other = await workbenchTenant();
    const id = await seeded({ status: "BOT", quiet: 40 }, other.tenantId);
    const engine = new InngestTestEngine({ function: lifecycleSweep.inngestFunction });
    const { result } = await engine.execute({
      events: [{ name: "kefu/conversations.sweep-requested", data: { tenantId: other.tenantId } }],
    });
    expect(result).toMatchObject({ closed: [id] });
    expect((await conversationRow(id)).status).toBe("CLOSED");
    await drainInProcessJobs();
  });
});

describe("schedule and isolation", () => {
  it("a sweep of one tenant never touches another's conversations", async () => {
    const a = await workbenchTenant();
    const b = await workbenchTenant();
    const inA = await seeded({ status: "BOT", quiet: 40 }, a.tenantId);
    const inB = await seeded({ status: "BOT", quiet: 40 }, b.tenantId);
    const res = await sweepTenantLifecycle(a.tenantId);
    expect(res.closed).toEqual([inA]);
    expect(await conversationRow(inB)).toMatchObject({ status: "BOT", lifecycle: "ACTIVE" });
    await drainInProcessJobs();
  });

  it("the schedule's tick requests a sweep per tenant with open conversations; the jobs run in-process", async () => {
    const a = await workbenchTenant();
    const quietOne = await seeded({ status: "BOT", quiet: 8 }, a.tenantId);
    const empty = await workbenchTenant();
    const tick = (await lifecycleSweepSchedule.tick()) as { tenants: number };
    expect(tick.tenants).toBeGreaterThanOrEqual(1);
    await drainInProcessJobs();
    expect((await conversationRow(quietOne)).lifecycle).toBe("IDLE");
    expect(await systemLines(quietOne)).toEqual([IDLE_PROMPT]);
    const client = await db();
    const runs = await client.jobRun.findMany({
      where: { functionId: "conversations-sweep-tenant", tenantId: { in: [a.tenantId, empty.tenantId] } },
    });
    expect(runs.map((r) => [r.tenantId, r.status])).toEqual([[a.tenantId, "SUCCEEDED"]]);
  });

  it("only tenants whose conversations may change get a sweep", async () => {
    const quiet = await workbenchTenant();
    const fresh = await seeded({ status: "BOT", quiet: 0 }, quiet.tenantId);
    const done = await seeded(
      { status: "HUMAN", assigneeId: quiet.wang.user.id, quiet: 300 },
      quiet.tenantId,
    );
    await sweepTenantLifecycle(quiet.tenantId); // the agent's conversation is EXPIRED now, and stays open
    expect(await conversationRow(done)).toMatchObject({ status: "HUMAN", lifecycle: "EXPIRED" });
    expect(await tenantsToSweep()).not.toContain(quiet.tenantId);
    await setQuiet(fresh, 2); // may turn idle soon
    expect(await tenantsToSweep()).toContain(quiet.tenantId);
    await setQuiet(fresh, 0);
    expect(await tenantsToSweep()).not.toContain(quiet.tenantId);
    await setQuiet(done, 0); // the agent answered: back to ACTIVE on the next sweep
    expect(await tenantsToSweep()).toContain(quiet.tenantId);
    await sweepTenantLifecycle(quiet.tenantId);
    expect((await conversationRow(done)).lifecycle).toBe("ACTIVE");
  });

  it("rejects a payload without a valid tenant id before anything runs", async () => {
    await expect(emit("kefu/conversations.sweep-requested", { tenantId: "nope" })).rejects.toThrow();
  });
});
