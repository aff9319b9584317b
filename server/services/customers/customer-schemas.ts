import { z } from "zod";

// Inputs and views of the customers API (list, detail, level override, VIP flag).

export const ZCustomerLevel = z.enum(["WHITE", "GRAY", "BLACK"]);
export const ZCustomerState = z.enum(["NEW", "POTENTIAL", "DEAL", "REPURCHASE", "CHURNED"]);

export const ZListCustomersInput = z.object({
  /** the effective level: an override counts as the level */
  level: ZCustomerLevel.optional(),
  state: ZCustomerState.optional(),
  vip: z.boolean().optional(),
  /** name, phone, company or the channel's id, case-insensitive substring */
  search: z.string().trim().max(100).optional(),
  sort: z.enum(["score", "lastSeenAt"]).default("lastSeenAt"),
  /** sort order; not "direction", which tRPC's infinite queries add to the input themselves */
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: z.number().int().min(1).max(100).default(50),
  /** the id of the last row of the previous page */
  cursor: z.string().uuid().optional(),
});

export const ZCustomerSummary = z.object({
  id: z.string(),
  channel: z.string(),
  externalId: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  score: z.number(),
  level: ZCustomerLevel,
  levelOverride: ZCustomerLevel.nullable(),
  effectiveLevel: ZCustomerLevel,
  state: ZCustomerState,
  vip: z.boolean(),
  messageCount: z.number(),
  conversationCount: z.number(),
  dealAmount: z.string(),
  lastSeenAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TCustomerSummary = z.infer<typeof ZCustomerSummary>;

export const ZCustomerPage = z.object({
  items: z.array(ZCustomerSummary),
  nextCursor: z.string().nullable(),
});
export type TCustomerPage = z.infer<typeof ZCustomerPage>;

export const ZCustomerDetail = ZCustomerSummary.extend({
  email: z.string().nullable(),
  wechatId: z.string().nullable(),
  erpCode: z.string().nullable(),
  intent: z.string().nullable(),
  tags: z.array(z.string()),
  positiveFeedback: z.number(),
  inquiryCount: z.number(),
  conversations: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      status: z.string(),
      type: z.string(),
      outcome: z.string().nullable(),
      satisfaction: z.number().nullable(),
      lastMessageAt: z.date(),
      closedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  orders: z.array(
    z.object({
      id: z.string(),
      orderNo: z.string(),
      status: z.string(),
      amount: z.string(),
      currency: z.string(),
      source: z.string(),
      orderedAt: z.date().nullable(),
    }),
  ),
  scoreHistory: z.array(
    z.object({
      score: z.number(),
      satisfaction: z.number(),
      activity: z.number(),
      value: z.number(),
      level: ZCustomerLevel,
      createdAt: z.date(),
    }),
  ),
  transitions: z.array(
    z.object({
      fromState: ZCustomerState.nullable(),
      toState: ZCustomerState,
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});
export type TCustomerDetail = z.infer<typeof ZCustomerDetail>;

export const ZSetLevelOverrideInput = z.object({
  contactId: z.string().uuid(),
  level: ZCustomerLevel.nullable(),
});
export const ZSetVipInput = z.object({ contactId: z.string().uuid(), vip: z.boolean() });
