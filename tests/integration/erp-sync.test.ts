import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createErpConnection } from "../../server/services/erp/erp-connections";
import { syncErp } from "../../server/services/erp/sync-erp";
import { createZhibangConnector } from "../../server/services/erp/zhibang-connector";
import { startFakeErp } from "../fakes/fake-erp";
import { countsOf, seedFakeErp, tenantWithErp, type TFakeErp } from "./erp-helpers";

let erp: TFakeErp;
beforeAll(async () => {
  erp = await startFakeErp();
});
afterAll(() => erp.close());
beforeEach(() => seedFakeErp(erp));

describe("ERP sync (智邦 connector against the fake ERP over HTTP)", () => {
  it("pulls customers, products and orders; the ordering customer becomes a DEAL with the order linked", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    const client = await db();
    // a contact who chatted on WeChat and gave the same phone: the ERP customer merges into it
    const local = await client.contact.create({
      data: {
        tenantId,
        channel: "WECHAT",
        externalId: "wx-qiming",
        name: "小李",
        phone: "13800000002",
        wechatId: "qiming_li",
        intent: "采购电表",
      },
    });
    const outcome = await syncErp(tenantId, connectionId, "MANUAL");
    expect(outcome.ok).toBe(true);
    expect(await countsOf(tenantId)).toEqual({ contacts: 5, orders: 1, products: 2 });

    const merged = await client.contact.findFirstOrThrow({
      where: { id: local.id, tenantId },
      include: { orders: true, transitions: true },
    });
    expect(merged).toMatchObject({
      erpCode: "1002",
      company: "杭州启明贸易",
      name: "小李",
      wechatId: "qiming_li",
      intent: "采购电表",
      state: "DEAL",
    });
    expect(merged.orders.map((o) => o.orderNo)).toEqual(["AB12345678"]);
    expect(Number(merged.dealAmount)).toBe(2480.5);
    expect(merged.transitions).toMatchObject([
      { fromState: "NEW", toState: "DEAL", reason: "ERP order AB12345678" },
    ]);

    const runs = await client.syncRun.findMany({ where: { tenantId }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => [r.entity, r.status])).toEqual([
      ["customers", "SUCCEEDED"],
      ["products", "SUCCEEDED"],
      ["orders", "SUCCEEDED"],
    ]);
    expect(runs[0]!.counts).toEqual({ created: 4, updated: 1, pages: 3 });
    expect(runs[2]!.counts).toEqual({ linked: 1, pages: 1 });
    expect(runs.every((r) => r.durationMs !== null && r.finishedAt !== null)).toBe(true);
  });

  it("keeps page 1 when page 2 fails, records the failure, and a second run completes without duplicates", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    erp.state.failPage = { list: "customers", page: 2, times: 1 };
    const first = await syncErp(tenantId, connectionId, "SCHEDULE");
    expect(first).toMatchObject({ ok: false, retryable: true });
    expect(first.error).toContain("HTTP 500");
    expect(await countsOf(tenantId)).toEqual({ contacts: 2, orders: 0, products: 0 });
    const client = await db();
    const failed = await client.syncRun.findFirstOrThrow({ where: { tenantId, entity: "customers" } });
    expect(failed).toMatchObject({ status: "FAILED", counts: { created: 2, pages: 1 } });
    expect(failed.errors).toEqual([{ page: 2, message: expect.stringContaining("HTTP 500") }]);

    const second = await syncErp(tenantId, connectionId, "SCHEDULE");
    expect(second.ok).toBe(true);
    expect(await countsOf(tenantId)).toEqual({ contacts: 5, orders: 1, products: 2 });
    const third = await syncErp(tenantId, connectionId, "SCHEDULE");
    expect(third.ok).toBe(true);
    expect(await countsOf(tenantId)).toEqual({ contacts: 5, orders: 1, products: 2 });
  });

  it("a 401 fails the run with a clear, non-retryable error and writes nothing", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    erp.state.unauthorized = true;
    const outcome = await syncErp(tenantId, connectionId, "MANUAL");
    expect(outcome).toMatchObject({
      ok: false,
      retryable: false,
      error: "ERP refused the credentials (HTTP 401)",
    });
    expect(await countsOf(tenantId)).toEqual({ contacts: 0, orders: 0, products: 0 });
    const client = await db();
    const runs = await client.syncRun.findMany({ where: { tenantId } });
    expect(runs.map((r) => [r.entity, r.status])).toEqual([["customers", "FAILED"]]);
  });

  it("a wrong password is reported from the login body (HTTP 200, header.status ≠ 0)", async () => {
    const { tenantId } = await tenantWithErp(erp);
    const client = await db();
    const bad = await createErpConnection(tenantId, {
      name: "wrong",
      kind: "ZHIBANG",
      baseUrl: erp.url,
      credentials: { ...erp.credentials, password: "nope" },
    });
    const outcome = await syncErp(tenantId, bad.id, "MANUAL");
    expect(outcome).toMatchObject({
      ok: false,
      retryable: false,
      error: "ERP login failed: 用户名或密码错误",
    });
    expect(await client.contact.count({ where: { tenantId } })).toBe(0);
  });

  it("logs in again once when the ERP forgets the session between pages", async () => {
    const connector = createZhibangConnector({ baseUrl: erp.url, credentials: erp.credentials, pageSize: 2 });
    const logins = () => erp.state.calls.filter((c) => c.path === "/webapi/v3/ov1/login").length;
    const before = logins();
    const first = await connector.listCustomers(null);
    erp.expireSessions();
    const second = await connector.listCustomers(first.nextCursor);
    expect(second.items.map((c) => c.erpCode)).toEqual(["1003", "1004"]);
    expect(logins() - before).toBe(2);
  });

  it("stores credentials only encrypted", async () => {
    const { tenantId, connectionId } = await tenantWithErp(erp);
    const client = await db();
    const row = await client.erpConnection.findFirstOrThrow({ where: { id: connectionId, tenantId } });
    expect(row.credentialsEnc).toMatch(/^v1:/);
    expect(row.credentialsEnc).not.toContain(erp.credentials.password);
    expect(JSON.stringify(row)).not.toContain(erp.credentials.password);
  });
});
