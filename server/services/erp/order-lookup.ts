import { z } from "zod";
import { db } from "../../db/client";
import { logger } from "../../logging";
import type { ErpConnector } from "./connector";
import { connectorFor } from "./erp-connections";

// Order lookup for the pipeline ("订单AB12345678发货了吗"): the local Order table first (filled by
// sync), then the tenant's first enabled ERP connection. Returns a one-line summary for the prompt.
// An ERP failure is reported as "not available" rather than thrown: the answer should still go out.

export const ZOrderNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/);

export type TOrderLookup =
  | { found: true; source: "local" | "erp"; orderNo: string; status: string; amount: number; summary: string }
  | { found: false; orderNo: string; summary: string };

const summarise = (orderNo: string, status: string, amount: number, orderedAt: Date | null) =>
  `订单 ${orderNo}：状态 ${status}，金额 ¥${amount.toFixed(2)}` +
  (orderedAt ? `，下单日期 ${orderedAt.toISOString().slice(0, 10)}` : "");

export async function lookupOrder(tenantId: string, rawOrderNo: string): Promise<TOrderLookup> {
  const orderNo = ZOrderNo.parse(rawOrderNo);
  const client = await db();
  const local = await client.order.findFirst({ where: { tenantId, orderNo } });
  if (local) {
    const amount = Number(local.amount);
    return {
      found: true,
      source: "local",
      orderNo,
      status: local.status,
      amount,
      summary: summarise(orderNo, local.status, amount, local.orderedAt),
    };
  }
  const conn = await client.erpConnection.findFirst({
    where: { tenantId, enabled: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const notFound = { found: false as const, orderNo, summary: `未找到订单 ${orderNo}` };
  if (!conn) return notFound;
  try {
    const connector: ErpConnector = await connectorFor(tenantId, conn.id);
    const remote = await connector.lookupOrder(orderNo);
    if (!remote) return notFound;
    return {
      found: true,
      source: "erp",
      orderNo,
      status: remote.status,
      amount: remote.amount,
      summary: summarise(orderNo, remote.status, remote.amount, remote.orderedAt),
    };
  } catch (e) {
    logger().warn({ tenantId, orderNo, err: (e as Error).message }, "ERP order lookup failed");
    return { found: false, orderNo, summary: `订单 ${orderNo} 暂时无法查询` };
  }
}
