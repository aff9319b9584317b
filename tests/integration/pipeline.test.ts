import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { startSmtpPeer } from "../fakes/smtp-peer";
import { uniq } from "./helpers";
import { addProvider, modelJson, pipelineTenant } from "./pipeline-helpers";

let vendor: TFakeVendor;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
  vendor = await startFakeVendor();
  smtp = await startSmtpPeer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await vendor.close();
  await smtp.close();
});

const ask = (
  tenantId: string,
  text: string,
  more: Partial<Parameters<typeof processIncomingMessage>[0]> = {},
) =>
  processIncomingMessage({
    tenantId,
    channel: "API",
    contact: { externalId: more.contact?.externalId ?? `c-${uniq()}` },
    text,
    ...more,
  });

/** Every question goes to the model (no curated Q&A is answered directly). */
async function directAnswersOff(tenantId: string) {
  const client = await db();
  await client.tenant.update({
    where: { id: tenantId },
    data: { settings: { retrieval: { directAnswerThreshold: 1 } } },
  });
}

async function messagesOf(conversationId: string) {
  const client = await db();
  return client.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
}

describe("pipeline without any provider (knowledge only)", () => {
  it("answers a known FAQ from the knowledge base, citing the evidence", async () => {
    const { tenant } = await pipelineTenant();
    const r = await ask(tenant.id, "退款多久到账");
    expect(r).toMatchObject({ action: "reply", reason: "direct_answer" });
    expect(r.content).toContain("1-3 个工作日");
    expect(r.confidence).toBeGreaterThanOrEqual(0.9);
    const [customer, bot] = await messagesOf(r.conversationId);
    expect(customer).toMatchObject({ role: "CUSTOMER", content: "退款多久到账" });
    expect(bot).toMatchObject({ role: "BOT", action: "REPLY", replyToId: customer.id });
    expect(bot.evidenceIds).toHaveLength(1);
  });

  it("transfers a question the knowledge base cannot answer", async () => {
    const { tenant } = await pipelineTenant();
    const r = await ask(tenant.id, "你们公司的股票代码是多少");
    expect(r.action).toBe("transfer");
    const client = await db();
    const conv = await client.conversation.findUniqueOrThrow({ where: { id: r.conversationId } });
    expect(conv).toMatchObject({ status: "PENDING_HUMAN", escalationReason: "no_answer" });
  });

  it("transfers on 我要投诉 and 转人工 but not on 客服你好", async () => {
    const { tenant } = await pipelineTenant();
    for (const text of ["我要投诉", "转人工"]) {
      const r = await ask(tenant.id, text);
      expect(r, text).toMatchObject({ action: "transfer", reason: "keyword" });
    }
    const hello = await ask(tenant.id, "客服你好");
    expect(hello.action).not.toBe("transfer");
  });

  it("stays quiet while a human owns the conversation", async () => {
    const { tenant } = await pipelineTenant();
    const contact = { externalId: `c-${uniq()}` };
    const first = await ask(tenant.id, "转人工", { contact });
    const next = await ask(tenant.id, "退款多久到账", { contact });
    expect(next).toMatchObject({
      action: "ignore",
      reason: "human_mode",
      conversationId: first.conversationId,
    });
    const rows = await messagesOf(first.conversationId);
    expect(rows.filter((m) => m.role === "CUSTOMER")).toHaveLength(2);
    expect(rows.filter((m) => m.role === "BOT")).toHaveLength(1); // only the transfer notice
  });

  it("processes the same message id once, even when it arrives twice at the same time", async () => {
    const { tenant } = await pipelineTenant();
    const msg = { externalId: `m-${uniq()}`, contact: { externalId: `c-${uniq()}` } };
    const [a, b] = await Promise.all([ask(tenant.id, "怎么开发票", msg), ask(tenant.id, "怎么开发票", msg)]);
    expect(a.messageId).toBe(b.messageId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(b.content).toBe(a.content);
    const again = await ask(tenant.id, "怎么开发票", msg);
    expect(again).toMatchObject({ duplicate: true, content: a.content });
    const rows = await messagesOf(a.conversationId);
    expect(rows.map((m) => m.role)).toEqual(["CUSTOMER", "BOT"]);
  });

  it("after hours a transfer becomes a ticket and the tenant gets an e-mail", async () => {
    const email = `ops-${uniq()}@example.com`;
    const { tenant } = await pipelineTenant({ open: false, notificationEmail: email });
    const r = await ask(tenant.id, "我要人工客服", { contact: { externalId: "after-hours-customer" } });
    expect(r.action).toBe("transfer");
    const client = await db();
    expect((await client.conversation.findUniqueOrThrow({ where: { id: r.conversationId } })).status).toBe(
      "TICKET",
    );
    await drainInProcessJobs();
    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail?.text).toContain("after-hours-customer");
    expect(mail?.text).toContain("我要人工客服");
  });

  it("puts VIP and WHITE customers at the front of the queue", async () => {
    const { tenant } = await pipelineTenant();
    const client = await db();
    const regular = await ask(tenant.id, "转人工");
    const white = await client.contact.create({
      data: { tenantId: tenant.id, channel: "API", externalId: `w-${uniq()}`, level: "WHITE" },
    });
    const vip = await ask(tenant.id, "转人工", { contact: { externalId: white.externalId } });
    const queue = await client.conversation.findMany({
      where: { tenantId: tenant.id, status: "PENDING_HUMAN" },
      orderBy: [{ priority: "desc" }, { escalatedAt: "asc" }],
    });
    expect(queue.map((c) => c.id)).toEqual([vip.conversationId, regular.conversationId]);
  });

  it("masks sensitive words in what it stores and rejects bad input", async () => {
    const { tenant } = await pipelineTenant();
    const client = await db();
    await client.rule.create({
      data: {
        tenantId: tenant.id,
        type: "SENSITIVE_WORD",
        name: "mask",
        config: { words: ["傻瓜"], mode: "mask" },
      },
    });
    const r = await ask(tenant.id, "你们这些傻瓜，退款多久到账");
    const [customer] = await messagesOf(r.conversationId);
    expect(customer.content).not.toContain("傻瓜");
    await expect(ask(tenant.id, "   ")).rejects.toThrow();
    await expect(ask("not-a-tenant", "你好")).rejects.toThrow();
  });
});

describe("pipeline with providers (fake vendor)", () => {
  it("falls back to the next provider when the primary times out", async () => {
    const { tenant } = await pipelineTenant();
    await addProvider(tenant.id, vendor, { model: "slow-primary", position: 0, timeoutMs: 300 });
    await addProvider(tenant.id, vendor, { model: "fallback", position: 1 });
    vendor.setBehaviour(behave.timeout(), { model: "slow-primary" });
    vendor.setBehaviour(behave.ok(modelJson("KF-7A 的功率是 7kW，适合家用。", 0.95)), {
      model: "fallback",
    });
    await directAnswersOff(tenant.id);
    const r = await ask(tenant.id, "KF-7A功率多少");
    expect(r).toMatchObject({ action: "reply", reason: "generated" });
    expect(r.content).toContain("KF-7A");
    const client = await db();
    const bot = await client.message.findFirstOrThrow({
      where: { conversationId: r.conversationId, role: "BOT" },
    });
    expect(bot).toMatchObject({ model: "fallback", action: "REPLY" });
    expect(bot.tokensIn).toBeGreaterThan(0);
    const usage = await client.usageRecord.findMany({ where: { tenantId: tenant.id } });
    expect(usage.map((u) => [u.model, u.ok])).toEqual(
      expect.arrayContaining([
        ["slow-primary", false],
        ["fallback", true],
      ]),
    );
  });

  it("with every provider down it answers from the knowledge base or transfers, storing the message once", async () => {
    const { tenant } = await pipelineTenant();
    await addProvider(tenant.id, vendor, { model: "down-a", position: 0 });
    await addProvider(tenant.id, vendor, { model: "down-b", position: 1 });
    vendor.setBehaviour(behave.serverError(503), { model: "down-a" });
    vendor.setBehaviour(behave.malformed("syntax"), { model: "down-b" });
    await directAnswersOff(tenant.id);
    const known = await ask(tenant.id, "下单以后大概几天能发货呀");
    expect(["reply", "clarify", "transfer"]).toContain(known.action);
    expect(known.content.length).toBeGreaterThan(0);
    expect(known.reason).toMatch(/fallback|providers_failed/);
    const unknown = await ask(tenant.id, "你们老板叫什么名字");
    expect(unknown.action).toBe("transfer");
    for (const r of [known, unknown]) {
      const rows = await messagesOf(r.conversationId);
      expect(rows.filter((m) => m.role === "CUSTOMER")).toHaveLength(1);
    }
  });

  it("asks a clarifying question when the evidence is only moderate", async () => {
    const { tenant } = await pipelineTenant();
    await addProvider(tenant.id, vendor, { model: "unsure", position: 0 });
    vendor.setBehaviour(
      behave.ok(
        modelJson("可能是指发货时间？", 0.3, {
          clarifying_question: "请问您是想了解发货时间还是到货时间呢？",
        }),
      ),
      { model: "unsure" },
    );
    await directAnswersOff(tenant.id);
    const r = await ask(tenant.id, "下单以后大概几天能发货呀");
    expect(r.action).toBe("clarify");
    expect(r.content).toBe("请问您是想了解发货时间还是到货时间呢？");
    expect(r.confidence).toBeGreaterThanOrEqual(0.55);
    expect(r.confidence).toBeLessThan(0.75);
  });
});
