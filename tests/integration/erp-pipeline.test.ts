import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { syncErp } from "../../server/services/erp/sync-erp";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { startFakeErp } from "../fakes/fake-erp";
import { behave, startFakeVendor, type TFakeVendor, type TRecordedRequest } from "../fakes/fake-llm-vendor";
import { seedFakeErp, type TFakeErp } from "./erp-helpers";
import { uniq } from "./helpers";
import { addProvider, modelJson, pipelineTenant } from "./pipeline-helpers";
import { createErpConnection } from "../../server/services/erp/erp-connections";

// Order lookup in the message pipeline ("订单AB12345678发货了吗"): the order found locally (after a
// sync) or in the ERP reaches the model's prompt with its status, amount and date, and the reply
// carries it; an unknown number tells the model it was not found; another customer's order is not
// disclosed. Real PostgreSQL, the fake ERP and the fake LLM vendor.

let erp: TFakeErp;
let vendor: TFakeVendor;
beforeAll(async () => {
  [erp, vendor] = await Promise.all([startFakeErp(), startFakeVendor()]);
});
afterAll(async () => {
  await Promise.all([erp.close(), vendor.close()]);
});
beforeEach(() => {
  seedFakeErp(erp);
  vendor.reset();
});

/** The system prompt (evidence included) of a chat request, whatever the wire format. */
const promptOf = (req: TRecordedRequest) => JSON.stringify(req.body);

/** A model that repeats the order line it was given, or asks to check the number. */
function echoOrderModel(req: TRecordedRequest) {
  const prompt = promptOf(req);
  const status = /状态 ([^，,"\\]+)/.exec(prompt)?.[1];
  if (status) return modelJson(`您的订单状态是：${status}。`, 0.95);
  return modelJson("没有查到这个订单，请您核对一下订单号。", 0.9);
}

async function tenantWithSyncedErp() {
  const owner = await pipelineTenant();
  const t = owner.tenant.id;
  const conn = await createErpConnection(t, {
    name: "智邦 ERP",
    kind: "ZHIBANG",
    baseUrl: erp.url,
    credentials: erp.credentials,
    config: { pageSize: 2 },
  });
  expect((await syncErp(t, conn.id, "MANUAL")).ok).toBe(true);
  return t;
}

const ask = (tenantId: string, externalId: string, text: string) =>
  processIncomingMessage({ tenantId, channel: "API", contact: { externalId }, text });

describe("order lookup in the pipeline", () => {
  it("gives the customer's own synced order to the model and replies with its status", async () => {
    const t = await tenantWithSyncedErp();
    await addProvider(t, vendor, { model: "chat", position: 0 });
    vendor.setBehaviour(behave.ok(echoOrderModel));
    // the synced ERP customer 1002 owns the order; the API contact "erp:1002" is that customer
    const r = await ask(t, "erp:1002", "订单AB12345678发货了吗");
    expect(r).toMatchObject({ action: "reply", reason: "generated" });
    expect(r.content).toContain("已发货");
    const chat = vendor.requests.filter((q) => q.route !== "embeddings");
    expect(chat).toHaveLength(1);
    const prompt = promptOf(chat[0]);
    expect(prompt).toContain("订单 AB12345678：状态 已发货");
    expect(prompt).toContain("¥2480.50");
    expect(prompt).toContain("2026-11-20");
    const client = await db();
    const bot = await client.message.findFirstOrThrow({
      where: { tenantId: t, conversationId: r.conversationId, role: "BOT" },
    });
    expect(bot.evidenceIds[0]).toBe("order:AB12345678");
  });

  it("asks the ERP for an order not synced yet", async () => {
    const t = await tenantWithSyncedErp();
    await addProvider(t, vendor, { model: "chat", position: 0 });
    vendor.setBehaviour(behave.ok(echoOrderModel));
    erp.state.orders.push({
      ord: "7002",
      htbh: "CD87654321",
      company: "1003",
      mobile: "13800000003",
      money: 99,
      fhjz: "待发货",
      date1: "2026-11-25",
    });
    const r = await ask(t, `c-${uniq()}`, "我的订单CD87654321到哪了？");
    expect(r.content).toContain("待发货");
    const prompt = promptOf(vendor.requests.filter((q) => q.route !== "embeddings")[0]);
    expect(prompt).toContain("订单 CD87654321：状态 待发货，金额 ¥99.00");
    expect(erp.state.calls.some((c) => c.datas.htbh === "CD87654321")).toBe(true);
  });

  it("tells the model an unknown order was not found, so it asks to check the number", async () => {
    const t = await tenantWithSyncedErp();
    await addProvider(t, vendor, { model: "chat", position: 0 });
    vendor.setBehaviour(behave.ok(echoOrderModel));
    const r = await ask(t, `c-${uniq()}`, "订单ZZ99999999发货了吗");
    const prompt = promptOf(vendor.requests.filter((q) => q.route !== "embeddings")[0]);
    expect(prompt).toContain("未找到订单 ZZ99999999");
    expect(prompt).toContain("不要编造订单状态");
    expect(prompt).not.toContain("状态 已发货");
    // the FAQ evidence is still there for the general part of the question
    expect(prompt).toContain("48 小时内发货");
    expect(r.action).toBe("reply");
    expect(r.content).toContain("核对");
  });

  it("does not disclose another customer's order", async () => {
    const t = await tenantWithSyncedErp();
    await addProvider(t, vendor, { model: "chat", position: 0 });
    vendor.setBehaviour(behave.ok(echoOrderModel));
    const r = await ask(t, `stranger-${uniq()}`, "订单AB12345678发货了吗");
    const prompt = promptOf(vendor.requests.filter((q) => q.route !== "embeddings")[0]);
    expect(prompt).toContain("不属于当前客户");
    expect(prompt).not.toContain("2480.50");
    expect(prompt).not.toContain("已发货");
    expect(r.content).not.toContain("已发货");
  });

  it("without a model, replies with the order line itself", async () => {
    const t = await tenantWithSyncedErp();
    const r = await ask(t, "erp:1002", "订单AB12345678发货了吗");
    expect(r.action).toBe("reply");
    expect(r.content).toContain("订单 AB12345678：状态 已发货，金额 ¥2480.50");
    expect(r.content).not.toContain("来自");
  });
});
