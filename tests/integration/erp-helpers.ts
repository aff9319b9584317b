import { db } from "../../server/db/client";
import { createErpConnection } from "../../server/services/erp/erp-connections";
import type { startFakeErp } from "../fakes/fake-erp";
import { ownerWithTenant } from "./helpers";

export type TFakeErp = Awaited<ReturnType<typeof startFakeErp>>;

/** A tenant with a 智邦 connection to the fake ERP (page size 2 so paging is exercised). */
export async function tenantWithErp(erp: TFakeErp) {
  const { tenant } = await ownerWithTenant();
  const conn = await createErpConnection(tenant.id, {
    name: "智邦 ERP",
    kind: "ZHIBANG",
    baseUrl: erp.url,
    credentials: erp.credentials,
    config: { pageSize: 2 },
  });
  return { tenantId: tenant.id, connectionId: conn.id };
}

/** Five customers (three pages of two), one order of customer 1002 and two products. */
export function seedFakeErp(erp: TFakeErp) {
  erp.state.customers = [
    { ord: "1001", name: "上海华东仓储有限公司", mobile: "13800000001" },
    { ord: "1002", name: "杭州启明贸易", mobile: "13800000002" },
    { ord: "1003", name: "苏州远航物流", mobile: "13800000003" },
    { ord: "1004", name: "南京金桥电子", mobile: "13800000004" },
    { ord: "1005", name: "宁波海通", mobile: "13800000005" },
  ];
  erp.state.orders = [
    {
      ord: "7001",
      htbh: "AB12345678",
      company: "1002",
      mobile: "13800000002",
      money: 2480.5,
      fhjz: "已发货",
      date1: "2026-11-20",
    },
  ];
  erp.state.products = [
    { ord: "501", cpname: "智能电表", cpxh: "DDS-8", price1: 320 },
    { ord: "502", cpname: "采集器", cpxh: "CJ-2", price1: 95 },
  ];
  erp.state.pushed = [];
  erp.state.failPage = null;
  erp.state.unauthorized = false;
}

export async function countsOf(tenantId: string) {
  const client = await db();
  const [contacts, orders, products] = await Promise.all([
    client.contact.count({ where: { tenantId } }),
    client.order.count({ where: { tenantId } }),
    client.product.count({ where: { tenantId } }),
  ]);
  return { contacts, orders, products };
}
