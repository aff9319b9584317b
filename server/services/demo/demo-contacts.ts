import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "../../db/generated/prisma/client";
import type { CustomerState } from "../../db/generated/prisma/enums";
import { CITIES, COMPANIES, GIVEN_NAMES, SURNAMES, WECHAT_NICKS } from "./data/people";
import type { TDemoContact } from "./demo-conversation";
import type { TRandom } from "./random";

// The demo's customers: mostly WeChat, a third from the website widget, a few over the API; levels,
// states and scores spread as a real shop's are (a few VIP and white-listed, a few black-listed), and
// orders for the ones who bought. Counters (messages, conversations) are filled in by the history.

export type TPlannedContact = TDemoContact & {
  phone: string | null;
  company: string | null;
  state: CustomerState;
  score: number;
  tags: string[];
  city: string;
};

const PRODUCTS = [
  { sku: "JSC-J7", name: "极速充 J7 7kW 家用充电桩", price: 1999 },
  { sku: "JSC-J11", name: "极速充 J11 11kW 家用充电桩", price: 2699 },
  { sku: "JSC-J22", name: "极速充 J22 22kW 家用充电桩", price: 3599 },
];
const EXTRAS = [
  { sku: "JSC-ROOF", name: "防雨遮阳棚", price: 89 },
  { sku: "JSC-4G", name: "4G 联网模块", price: 198 },
  { sku: "JSC-EXT", name: "延保 2 年", price: 199 },
];

export function planContacts(rng: TRandom, count: number): TPlannedContact[] {
  const contacts: TPlannedContact[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const channel = r < 0.6 ? "WECHAT" : r < 0.95 ? "WIDGET" : "API";
    const realName = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
    const name =
      channel === "WECHAT" && rng.chance(0.35)
        ? `${rng.pick(WECHAT_NICKS)}${rng.chance(0.5) ? rng.int(1, 99) : ""}`
        : channel === "WIDGET" && rng.chance(0.3)
          ? `访客${randomBytes(2).toString("hex").toUpperCase()}`
          : realName;
    const l = rng.next();
    const level = l < 0.12 ? "WHITE" : l < 0.16 ? "BLACK" : "GRAY";
    const s = rng.next();
    const state: CustomerState =
      level === "BLACK"
        ? "CHURNED"
        : s < 0.35
          ? "NEW"
          : s < 0.65
            ? "POTENTIAL"
            : s < 0.87
              ? "DEAL"
              : s < 0.95
                ? "REPURCHASE"
                : "CHURNED";
    const score = Math.round(
      level === "WHITE"
        ? rng.around(85, 10, 75, 99)
        : level === "BLACK"
          ? rng.around(18, 12, 3, 30)
          : rng.around(55, 15, 31, 74),
    );
    const vip = level === "WHITE" && rng.chance(0.4);
    contacts.push({
      id: randomUUID(),
      channel,
      externalId:
        channel === "WECHAT"
          ? `wxid_${randomBytes(6).toString("hex")}`
          : channel === "WIDGET"
            ? `v_${randomBytes(8).toString("hex")}`
            : `crm-${100000 + i}`,
      name,
      vip,
      level,
      // black-listed customers were put there by hand
      levelOverride: level === "BLACK" ? "BLACK" : vip ? "WHITE" : null,
      phone: rng.chance(channel === "WIDGET" ? 0.3 : 0.7)
        ? `1${rng.pick(["3", "5", "7", "8", "9"])}${String(rng.int(0, 999999999)).padStart(9, "0")}`
        : null,
      company: rng.chance(0.2) ? rng.pick(COMPANIES) : null,
      state,
      score,
      tags: [
        ...(vip ? ["VIP"] : []),
        ...(state === "DEAL" || state === "REPURCHASE" ? [rng.pick(["J7", "J11", "J22"])] : []),
        ...(rng.chance(0.15) ? [rng.pick(["老小区", "地下车库", "物业难沟通", "新能源车主群"])] : []),
      ],
      city: rng.pick(CITIES),
      messageCount: 0,
      conversationCount: 0,
      positiveFeedback: 0,
      inquiryCount: 0,
      firstSeenAt: null,
      lastSeenAt: null,
    });
  }
  return contacts;
}

/** The contact rows, their state history, score points and orders, once the history set the counters. */
export function contactRows(tenantId: string, rng: TRandom, contacts: TPlannedContact[], now: Date) {
  const rows: Prisma.ContactCreateManyInput[] = [];
  const transitions: Prisma.ContactStateTransitionCreateManyInput[] = [];
  const scores: Prisma.ContactScoreCreateManyInput[] = [];
  const orders: Prisma.OrderCreateManyInput[] = [];
  let orderSeq = 1;
  for (const c of contacts) {
    const createdAt = c.firstSeenAt ?? new Date(now.getTime() - rng.int(1, 60) * 86_400_000);
    let dealAmount = 0;
    const orderCount = c.state === "DEAL" ? 1 : c.state === "REPURCHASE" ? rng.int(2, 3) : 0;
    for (let k = 0; k < orderCount; k++) {
      const product = k === 0 ? rng.pick(PRODUCTS) : rng.pick(EXTRAS);
      const items = [{ sku: product.sku, name: product.name, qty: 1, price: product.price }];
      const orderedAt = new Date(createdAt.getTime() + rng.int(1, 72) * 3_600_000);
      dealAmount += product.price;
      orders.push({
        tenantId,
        contactId: c.id,
        orderNo: `JSC${orderedAt.toISOString().slice(0, 10).replaceAll("-", "")}${String(orderSeq++).padStart(5, "0")}`,
        status: orderedAt.getTime() > now.getTime() - 3 * 86_400_000 ? "待安装" : "已完成",
        amount: product.price,
        items,
        source: "LOCAL",
        orderedAt: orderedAt.getTime() > now.getTime() ? now : orderedAt,
      });
    }
    rows.push({
      id: c.id,
      tenantId,
      channel: c.channel,
      externalId: c.externalId,
      name: c.name,
      phone: c.phone,
      company: c.company,
      wechatId: c.channel === "WECHAT" ? c.externalId : null,
      tags: c.tags,
      level: c.level,
      levelOverride: c.levelOverride,
      score: c.score,
      state: c.state,
      vip: c.vip,
      messageCount: c.messageCount,
      conversationCount: c.conversationCount,
      positiveFeedback: c.positiveFeedback,
      inquiryCount: c.inquiryCount,
      dealAmount,
      lastSeenAt: c.lastSeenAt,
      metadata: { city: c.city, demo: true },
      createdAt,
    });
    if (c.state !== "NEW") {
      const path: CustomerState[] =
        c.state === "POTENTIAL"
          ? ["POTENTIAL"]
          : c.state === "DEAL"
            ? ["POTENTIAL", "DEAL"]
            : c.state === "REPURCHASE"
              ? ["POTENTIAL", "DEAL", "REPURCHASE"]
              : ["CHURNED"];
      let from: CustomerState = "NEW";
      path.forEach((to, k) => {
        transitions.push({
          tenantId,
          contactId: c.id,
          fromState: from,
          toState: to,
          reason: to === "DEAL" || to === "REPURCHASE" ? "order" : to === "CHURNED" ? "manual" : "inquiry",
          createdAt: new Date(createdAt.getTime() + (k + 1) * 3_600_000),
        });
        from = to;
      });
    }
    scores.push({
      tenantId,
      contactId: c.id,
      score: c.score,
      satisfaction: Math.min(1, c.score / 100 + 0.1),
      activity: Math.min(1, c.messageCount / 30),
      value: Math.min(1, dealAmount / 5000),
      level: c.levelOverride ?? c.level,
      createdAt: c.lastSeenAt ?? createdAt,
    });
  }
  return { rows, transitions, scores, orders };
}
