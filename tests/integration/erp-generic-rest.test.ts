import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { createErpConnection } from "../../server/services/erp/erp-connections";
import { lookupOrder } from "../../server/services/erp/order-lookup";
import { pushQualifiedCustomers } from "../../server/services/erp/push-customers";
import { syncErp } from "../../server/services/erp/sync-erp";
import { startFakeErp } from "../fakes/fake-erp";
import { countsOf, seedFakeErp, type TFakeErp } from "./erp-helpers";
import { ownerWithTenant } from "./helpers";

let erp: TFakeErp;
beforeAll(async () => {
  erp = await startFakeErp();
});
afterAll(() => erp.close());
beforeEach(() => seedFakeErp(erp));

// the example configuration of docs/erp.md, against the fake ERP's /rest face
const CONFIG = {
  auth: "bearer",
  pagination: {
    pageParam: "page",
    sizeParam: "size",
    pageSize: 2,
    firstPage: 1,
    totalPagesPath: "meta.pages",
  },
  customers: {
    path: "/rest/customers",
    recordsPath: "data.records",
    fields: { name: "fullName", phone: "contact.mobile", company: "org.name" },
  },
  orders: {
    path: "/rest/orders",
    recordsPath: "data.records",
    fields: { orderNo: "number", amount: "total", status: "state", orderedAt: "createdAt" },
  },
  products: {
    path: "/rest/products",
    recordsPath: "data.records",
    fields: { name: "title", model: "sku", price: "unitPrice" },
  },
  pushCustomer: { path: "/rest/customers", idPath: "customer.id" },
  lookupOrder: { path: "/rest/orders/{orderNo}", recordPath: "order" },
} as const;

async function tenantWithRestErp() {
  const { tenant } = await ownerWithTenant();
  const conn = await createErpConnection(tenant.id, {
    name: "REST ERP",
    kind: "GENERIC_REST",
    baseUrl: erp.url,
    credentials: erp.credentials,
    config: CONFIG,
  });
  return { tenantId: tenant.id, connectionId: conn.id };
}

describe("generic REST connector (configured endpoints and field mapping)", () => {
  it("syncs, links the order to its customer and moves it to DEAL; a failed page is recovered without duplicates", async () => {
    const { tenantId, connectionId } = await tenantWithRestErp();
    erp.state.failPage = { list: "customers", page: 3, times: 1 };
    expect(await syncErp(tenantId, connectionId, "MANUAL")).toMatchObject({
      ok: false,
      error: expect.stringContaining("HTTP 500"),
    });
    expect(await countsOf(tenantId)).toEqual({ contacts: 4, orders: 0, products: 0 });
    expect(await syncErp(tenantId, connectionId, "MANUAL")).toMatchObject({ ok: true });
    expect(await countsOf(tenantId)).toEqual({ contacts: 5, orders: 1, products: 2 });
    const client = await db();
    const buyer = await client.contact.findFirstOrThrow({
      where: { tenantId, erpCode: "1002" },
      include: { orders: true },
    });
    expect(buyer).toMatchObject({ name: "杭州启明贸易", phone: "13800000002", state: "DEAL" });
    expect(buyer.orders).toMatchObject([{ orderNo: "AB12345678", status: "已发货" }]);
    const product = await client.product.findFirstOrThrow({ where: { tenantId, externalId: "501" } });
    expect(product).toMatchObject({ name: "智能电表", model: "DDS-8" });
  });

  it("pushes through the mapped body and looks orders up by URL template", async () => {
    const { tenantId, connectionId } = await tenantWithRestErp();
    const client = await db();
    await client.contact.create({
      data: { tenantId, channel: "WIDGET", externalId: "v-1", name: "孙工", phone: "13700000001", score: 90 },
    });
    expect(await pushQualifiedCustomers(tenantId, connectionId, "MANUAL")).toMatchObject({
      pushed: 1,
      failed: 0,
    });
    expect(erp.state.pushed).toEqual([{ ord: "9005", name: "孙工", mobile: "13700000001" }]);
    expect(await lookupOrder(tenantId, "AB12345678")).toMatchObject({
      found: true,
      source: "erp",
      amount: 2480.5,
    });
    expect(await lookupOrder(tenantId, "ZZ99")).toMatchObject({ found: false });
  });

  it("rejects an invalid configuration before storing it", async () => {
    const { tenant } = await ownerWithTenant();
    await expect(
      createErpConnection(tenant.id, {
        name: "bad",
        kind: "GENERIC_REST",
        baseUrl: erp.url,
        credentials: erp.credentials,
        config: { ...CONFIG, lookupOrder: { path: "/rest/orders" } } as never,
      }),
    ).rejects.toThrow(/orderNo/);
  });
});
