import { db } from "../../db/client";
import { extractEntities } from "../conversations/context/entities";
import { lookupOrder } from "../erp/order-lookup";
import type { TSearchHit } from "../knowledge/search/search-knowledge";

// Order numbers in the customer's message ("订单AB12345678发货了吗") are looked up (local Order table,
// then the ERP — order-lookup.ts) and the result goes to the model as evidence, ahead of the knowledge
// hits: an order found is strong evidence (the model may state its status), an order not found tells
// the model to ask the customer to check the number instead of inventing a state.
//
// Privacy: an order linked to another contact is not disclosed (only "this order is not on your
// account"). Orders not linked to any contact, and orders only the ERP knows, are disclosed to whoever
// has the number — like a courier tracking number, the number itself is the secret.

const MAX_ORDERS = 3;
const FOUND_SCORE = 0.9;
const NOT_FOUND_SCORE = 0.8;

type TItem = { name?: unknown; quantity?: unknown; qty?: unknown };

function itemsLine(items: unknown): string {
  if (!Array.isArray(items) || !items.length) return "";
  const parts = (items as TItem[]).slice(0, 10).map((i) => {
    const qty = i.quantity ?? i.qty;
    return `${String(i.name ?? "?")}${qty !== undefined ? ` ×${String(qty)}` : ""}`;
  });
  return `，商品 ${parts.join("、")}`;
}

/**
 * `facts` is what the model reads (with an instruction); `reply` is the customer-facing sentence the
 * pipeline sends as is when no model is configured (answer.ts uses a hit's `answer` as the template).
 */
function hit(orderNo: string, facts: string, note: string, reply: string, score: number): TSearchHit {
  return {
    chunkId: `order:${orderNo}`,
    qaPairId: null,
    documentId: null,
    content: `${facts}${note}`,
    question: null,
    answer: reply,
    vectorScore: null,
    keywordRank: null,
    keywordScore: 0,
    keywordCoverage: 0,
    score,
    directAnswer: false,
    matchedTerms: [orderNo],
  };
}

async function describeOrder(tenantId: string, contactId: string, orderNo: string): Promise<TSearchHit> {
  const client = await db();
  const local = await client.order.findFirst({
    where: { tenantId, orderNo },
    select: { contactId: true, status: true, amount: true, items: true, orderedAt: true },
  });
  if (local?.contactId && local.contactId !== contactId)
    return hit(
      orderNo,
      `订单 ${orderNo} 不属于当前客户的账户。`,
      "不能透露它的任何信息；请客户核对订单号，或转人工核实身份。",
      `未能在您的账户下找到订单 ${orderNo}，请核对订单号；如需帮助可以转人工客服。`,
      NOT_FOUND_SCORE,
    );
  if (local) {
    const date = local.orderedAt ? `，下单时间 ${local.orderedAt.toISOString().slice(0, 10)}` : "";
    const facts = `订单 ${orderNo}：状态 ${local.status}，金额 ¥${Number(local.amount).toFixed(2)}${date}${itemsLine(local.items)}`;
    return hit(orderNo, facts, "（来自订单系统，可以告知客户）", `${facts}。`, FOUND_SCORE);
  }
  const found = await lookupOrder(tenantId, orderNo);
  if (found.found)
    return hit(orderNo, found.summary, "（来自 ERP，可以告知客户）", `${found.summary}。`, FOUND_SCORE);
  return hit(
    orderNo,
    `${found.summary}。`,
    "不要编造订单状态；请客户核对订单号是否正确。",
    `${found.summary}，请您核对订单号是否正确。`,
    NOT_FOUND_SCORE,
  );
}

/** Evidence hits for the order numbers in `text` (none when it mentions no order). */
export async function orderEvidence(
  tenantId: string,
  contactId: string,
  text: string,
): Promise<TSearchHit[]> {
  const numbers = extractEntities(text)
    .orderNumbers.filter((n) => /^[A-Za-z0-9-]{4,40}$/.test(n))
    .slice(0, MAX_ORDERS);
  const hits: TSearchHit[] = [];
  for (const n of numbers) hits.push(await describeOrder(tenantId, contactId, n));
  return hits;
}

/**
 * The evidence list: the order hits first, found or not. A customer who names an order asks about that
 * order, so "not found, check the number" beats a generic FAQ such as "下单后多久发货" (which would
 * otherwise be sent as a direct answer); with a model, the FAQ hits are still in the evidence for the
 * rest of the question.
 */
export function withOrderEvidence(orders: TSearchHit[], knowledge: TSearchHit[]): TSearchHit[] {
  return [...orders, ...knowledge];
}
