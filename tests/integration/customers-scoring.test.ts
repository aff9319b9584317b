import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { nightlyRescore } from "../../inngest/functions/customers/nightly-rescore";
import { rescoreOnClose, rescoreOnMessage } from "../../inngest/functions/customers/rescore-contact";
import { drainInProcessJobs, runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { advanceState } from "../../server/services/customers/customer-state";
import { rescoreContact } from "../../server/services/customers/score-contact";
import { rescoreTenant } from "../../server/services/customers/rescore-job";
import { queuePriority } from "../../server/services/pipeline/escalate";
import { caught, ownerWithTenant } from "./helpers";
import { addOrder, seedCustomer } from "./customers-helpers";

async function contactRow(id: string) {
  const client = await db();
  return client.contact.findUniqueOrThrow({ where: { id } });
}
async function historyOf(contactId: string) {
  const client = await db();
  return client.contactScore.findMany({ where: { contactId }, orderBy: { createdAt: "asc" } });
}
async function transitionsOf(contactId: string) {
  const client = await db();
  return client.contactStateTransition.findMany({ where: { contactId }, orderBy: { createdAt: "asc" } });
}

describe("customer scoring", () => {
  it("scores from ratings, recent activity and value against the tenant's average order", async () => {
    const { tenant } = await ownerWithTenant();
    const other = await seedCustomer(tenant.id);
    await addOrder(tenant.id, other.id, 1000);
    // ratings 5 and 4 → 87.5; 1 of 2 messages recent → 50; 500 / 1000 → 50 ⇒ 35 + 15 + 15 = 65
    const c = await seedCustomer(tenant.id, { ratings: [5, 4], recent: 1, old: 1, dealAmount: 500 });
    const r = await rescoreContact(tenant.id, c.id);
    expect(r).toMatchObject({ satisfaction: 87.5, activity: 50, value: 50, score: 65, level: "GRAY" });
    expect(await contactRow(c.id)).toMatchObject({ score: 65, level: "GRAY" });
  });

  it("adds a history point when the score changes or a day passed, and grades WHITE / BLACK", async () => {
    const { tenant } = await ownerWithTenant();
    await addOrder(tenant.id, null, 100);
    const best = await seedCustomer(tenant.id, { ratings: [5], recent: 3, dealAmount: 300 });
    const quiet = await seedCustomer(tenant.id, { ratings: [1], old: 4 });
    await rescoreContact(tenant.id, best.id);
    await rescoreContact(tenant.id, best.id); // nothing changed: no new point
    await rescoreContact(tenant.id, best.id, { now: new Date(Date.now() + 25 * 3600_000) });
    await rescoreContact(tenant.id, quiet.id);
    const history = await historyOf(best.id);
    expect(history.map((h) => [h.score, h.level])).toEqual([
      [100, "WHITE"],
      [100, "WHITE"],
    ]);
    expect(await contactRow(quiet.id)).toMatchObject({ score: 0, level: "BLACK" });
  });

  it("keeps the manual override as the effective level, in history and in the queue", async () => {
    const { tenant } = await ownerWithTenant();
    const c = await seedCustomer(tenant.id, { ratings: [1], old: 2 });
    const client = await db();
    await client.contact.updateMany({
      where: { id: c.id, tenantId: tenant.id },
      data: { levelOverride: "WHITE" },
    });
    const r = await rescoreContact(tenant.id, c.id);
    expect(r).toMatchObject({ level: "BLACK", effectiveLevel: "WHITE" });
    expect((await historyOf(c.id))[0].level).toBe("WHITE");
    expect(queuePriority(await contactRow(c.id))).toBe(10);
  });

  it("does not score another tenant's contact", async () => {
    const a = await ownerWithTenant();
    const b = await ownerWithTenant();
    const c = await seedCustomer(b.tenant.id);
    expect((await caught(rescoreContact(a.tenant.id, c.id))).code).toBe("NOT_FOUND");
    expect(await historyOf(c.id)).toHaveLength(0);
  });
});

describe("customer state machine", () => {
  it("records NEW → POTENTIAL → DEAL → REPURCHASE with reasons", async () => {
    const { tenant } = await ownerWithTenant();
    const c = await seedCustomer(tenant.id);
    await advanceState(tenant.id, c.id, "inquiry");
    await addOrder(tenant.id, c.id, 100);
    await advanceState(tenant.id, c.id, "order");
    await addOrder(tenant.id, c.id, 100);
    await advanceState(tenant.id, c.id, "order");
    const t = await transitionsOf(c.id);
    expect(t.map((x) => [x.fromState, x.toState, x.reason])).toEqual([
      ["NEW", "POTENTIAL", "first inquiry"],
      ["POTENTIAL", "DEAL", "order placed"],
      ["DEAL", "REPURCHASE", "order placed"],
    ]);
    expect((await contactRow(c.id)).state).toBe("REPURCHASE");
  });

  it("refuses an illegal transition and records nothing", async () => {
    const { tenant } = await ownerWithTenant();
    const c = await seedCustomer(tenant.id);
    expect((await caught(advanceState(tenant.id, c.id, "repeat_order"))).code).toBe("CONFLICT");
    expect(await transitionsOf(c.id)).toHaveLength(0);
    expect((await contactRow(c.id)).state).toBe("NEW");
  });

  it("churns after 90 silent days in the nightly pass and comes back on return", async () => {
    const { tenant } = await ownerWithTenant();
    const gone = await seedCustomer(tenant.id, { state: "DEAL", lastSeenDaysAgo: 120, old: 1 });
    const active = await seedCustomer(tenant.id, { state: "POTENTIAL", lastSeenDaysAgo: 1, recent: 1 });
    const r = await rescoreTenant(tenant.id, { batchSize: 1 });
    expect(r).toEqual({ rescored: 2, churned: 1, batches: 2 });
    expect((await contactRow(gone.id)).state).toBe("CHURNED");
    expect((await contactRow(active.id)).state).toBe("POTENTIAL");
    const client = await db();
    await client.contact.updateMany({
      where: { id: gone.id, tenantId: tenant.id },
      data: { lastSeenAt: new Date() },
    });
    const conv = await client.conversation.findFirstOrThrow({ where: { contactId: gone.id } });
    await runJobInProcess(rescoreOnMessage as never, {
      tenantId: tenant.id,
      conversationId: conv.id,
      messageId: conv.id,
      action: "reply",
    });
    expect((await transitionsOf(gone.id)).map((t) => [t.fromState, t.toState])).toEqual([
      ["DEAL", "CHURNED"],
      ["CHURNED", "POTENTIAL"],
    ]);
  });
});

describe("customer jobs", () => {
  it("re-scores and moves a new contact to POTENTIAL on a processed message (in-process runner)", async () => {
    const { tenant } = await ownerWithTenant();
    const c = await seedCustomer(tenant.id, { recent: 1 });
    const client = await db();
    const conv = await client.conversation.findFirstOrThrow({ where: { contactId: c.id } });
    const data = { tenantId: tenant.id, conversationId: conv.id, messageId: conv.id, action: "reply" };
    const r = await runJobInProcess(rescoreOnMessage as never, data);
    expect(r).toMatchObject({ contactId: c.id, score: 50, level: "GRAY", state: "POTENTIAL" });
    await runJobInProcess(rescoreOnMessage as never, data);
    expect(await transitionsOf(c.id)).toHaveLength(1);
    expect(await historyOf(c.id)).toHaveLength(1); // same score again: no second point
  });

  it("runs under @inngest/test on conversation close and for the tenant pass", async () => {
    const { tenant } = await ownerWithTenant();
    const c = await seedCustomer(tenant.id, { ratings: [5], recent: 2 });
    const client = await db();
    const conv = await client.conversation.findFirstOrThrow({ where: { contactId: c.id } });
    const close = new InngestTestEngine({ function: rescoreOnClose.inngestFunction });
    const closed = await close.execute({
      events: [
        {
          name: "kefu/conversation.closed",
          data: { tenantId: tenant.id, conversationId: conv.id, reason: "closed" },
        },
      ],
    });
    expect(closed.result).toMatchObject({ contactId: c.id, score: 70 });
    const nightly = new InngestTestEngine({ function: nightlyRescore.inngestFunction });
    const pass = await nightly.execute({
      events: [
        { name: "kefu/customers.rescore-requested", data: { tenantId: tenant.id, reason: "nightly" } },
      ],
    });
    expect(pass.result).toEqual({ rescored: 1, churned: 0, batches: 1 });
    await drainInProcessJobs();
  });

  it("skips a conversation that no longer exists without failing", async () => {
    const { tenant } = await ownerWithTenant();
    const r = await runJobInProcess(rescoreOnClose as never, {
      tenantId: tenant.id,
      conversationId: "00000000-0000-4000-8000-000000000000",
      reason: "idle",
    });
    expect(r).toEqual({ skipped: "conversation not found" });
  });
});
