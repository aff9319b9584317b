import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncErpJob } from "../../inngest/functions/erp/sync-erp";
import { runJobInProcess } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { lookupOrder } from "../../server/services/erp/order-lookup";
import { pushQualifiedCustomers } from "../../server/services/erp/push-customers";
import { startFakeErp } from "../fakes/fake-erp";
import { countsOf, seedFakeErp, tenantWithErp, type TFakeErp } from "./erp-helpers";
import { ownerWithTenant } from "./helpers";

let erp: TFakeErp;
beforeAll(async () => {
  erp = await startFakeErp();
});
afterAll(() => erp.close());
beforeEach(() => seedFakeErp(erp));

async function contact(tenantId: string, externalId: string, data: Record<string, unknown>) {
  const client = await db();
  return client.contact.create({ data: { tenantId, channel: "WECHAT", externalId, ...data } });
}

describe("ERP push (admission rule)", () => {
  it("pushes a qualified contact and keeps an unknown low-value contact local", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    const qualified = await contact(tenantId, "wx-a", {
      name: "陈经理",
      phone: "13900000001",
      company: "常州新源电气",
      score: 86,
    });
    const buyer = await contact(tenantId, "wx-b", {
      name: "赵总",
      phone: "13900000002",
      dealAmount: 1500,
      inquiryCount: 3,
    });
    const unknown = await contact(tenantId, "wx-c", {
      name: "路人",
      score: 35,
      dealAmount: 200,
      inquiryCount: 1,
    });
    const result = await pushQualifiedCustomers(tenantId, connectionId, "MANUAL");
    expect(result).toMatchObject({ candidates: 2, pushed: 2, skipped: 0, failed: 0 });
    expect(erp.state.pushed.map((c) => c.name).sort()).toEqual(["常州新源电气", "赵总"]);

    const client = await db();
    const after = await client.contact.findMany({ where: { tenantId }, select: { id: true, erpCode: true } });
    const code = (id: string) => after.find((c) => c.id === id)?.erpCode;
    expect(code(qualified.id)).toMatch(/^9\d+$/);
    expect(code(buyer.id)).toMatch(/^9\d+$/);
    expect(code(unknown.id)).toBeNull();
    // pushed contacts now carry their ERP code, so a second push sends nothing
    expect(await pushQualifiedCustomers(tenantId, connectionId, "MANUAL")).toMatchObject({
      candidates: 0,
      pushed: 0,
    });
    expect(erp.state.pushed).toHaveLength(2);
    const run = await client.syncRun.findFirstOrThrow({
      where: { tenantId, entity: "push" },
      orderBy: { startedAt: "asc" },
    });
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      counts: { candidates: 2, pushed: 2, skipped: 0, failed: 0 },
    });
  });
});

describe("order lookup", () => {
  it("answers from the local Order table after a sync", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    await runJobInProcess(syncErpJob as never, { tenantId, connectionId, trigger: "MANUAL" });
    erp.state.unauthorized = true; // proves the answer did not come from the ERP
    const found = await lookupOrder(tenantId, "AB12345678");
    expect(found).toMatchObject({ found: true, source: "local", status: "已发货", amount: 2480.5 });
    expect(found.summary).toBe("订单 AB12345678：状态 已发货，金额 ¥2480.50，下单日期 2026-11-20");
  });

  it("falls back to the ERP for an order not synced yet, and says so when nothing is found", async () => {
    const { tenantId } = await tenantWithErp(erp);
    expect(await lookupOrder(tenantId, "AB12345678")).toMatchObject({
      found: true,
      source: "erp",
      status: "已发货",
    });
    expect(await lookupOrder(tenantId, "ZZ00000000")).toEqual({
      found: false,
      orderNo: "ZZ00000000",
      summary: "未找到订单 ZZ00000000",
    });
    erp.state.unauthorized = true;
    expect(await lookupOrder(tenantId, "AB12345678")).toMatchObject({
      found: false,
      summary: "订单 AB12345678 暂时无法查询",
    });
  });

  it("never reads another tenant's orders", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    await runJobInProcess(syncErpJob as never, { tenantId, connectionId, trigger: "MANUAL" });
    const other = await ownerWithTenant();
    expect(await lookupOrder(other.tenant.id, "AB12345678")).toMatchObject({ found: false });
  });
});

describe("sync-erp job", () => {
  it("runs in-process: pull, then push; a mid-sync 500 is retried and leaves no duplicates", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    await contact(tenantId, "wx-vip", { name: "钱总", phone: "13900000009", vip: true });
    erp.state.failPage = { list: "customers", page: 2, times: 1 };
    const result = (await runJobInProcess(
      syncErpJob as never,
      { tenantId, connectionId, trigger: "MANUAL" },
      { backoffMs: 10 },
    )) as {
      pulled: { ok: boolean };
      pushed: { pushed: number };
    };
    expect(result.pulled.ok).toBe(true);
    expect(result.pushed.pushed).toBe(1);
    expect(await countsOf(tenantId)).toEqual({ contacts: 6, orders: 1, products: 2 });
    const client = await db();
    const runs = await client.syncRun.findMany({ where: { tenantId }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => `${r.entity}:${r.status}`)).toEqual([
      "customers:FAILED",
      "customers:SUCCEEDED",
      "products:SUCCEEDED",
      "orders:SUCCEEDED",
      "push:SUCCEEDED",
    ]);
  });

  it("does not retry bad credentials", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    erp.state.unauthorized = true;
    const result = await runJobInProcess(
      syncErpJob as never,
      { tenantId, connectionId, trigger: "MANUAL" },
      { backoffMs: 10 },
    );
    expect(result).toMatchObject({ pulled: { ok: false, retryable: false }, pushed: null });
    const client = await db();
    expect(await client.syncRun.count({ where: { tenantId } })).toBe(1);
  });

  it("runs under Inngest's own test engine (@inngest/test)", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    const engine = new InngestTestEngine({ function: syncErpJob.inngestFunction });
    const { result } = await engine.execute({
      events: [{ name: "kefu/erp.sync-requested", data: { tenantId, connectionId, trigger: "SCHEDULE" } }],
    });
    expect(result).toMatchObject({ pulled: { ok: true }, pushed: { failed: 0 } });
    expect(await countsOf(tenantId)).toEqual({ contacts: 5, orders: 1, products: 2 });
  });
});
