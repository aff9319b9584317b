import { z } from "zod";

// The workbench API contract: inputs (validated at the tRPC boundary) and outputs (the shapes the
// workbench UI consumes). Dates travel as Date objects through superjson. Names here are shared with
// the UI — do not rename.

const ZUuid = z.string().uuid("Invalid id");

// ───────────── enums ─────────────

export const ZInboxView = z.enum(["waiting", "mine", "all", "closed", "tickets"]);
export type TInboxView = z.infer<typeof ZInboxView>;
export const ZInboxChannel = z.enum(["WECHAT", "WIDGET", "API"]);
export const ZConversationStatus = z.enum(["BOT", "PENDING_HUMAN", "HUMAN", "CLOSED", "TICKET"]);
export const ZChannel = z.enum(["WECHAT", "WIDGET", "API", "WECOM"]);
export const ZMessageRole = z.enum(["CUSTOMER", "BOT", "AGENT", "SYSTEM", "NOTE"]);
export const ZMessageAction = z.enum(["REPLY", "CLARIFY", "TRANSFER", "IGNORE"]);
export const ZDeliveryStatus = z.enum(["PENDING", "SENT", "FAILED"]);
export const ZCustomerLevel = z.enum(["WHITE", "GRAY", "BLACK"]);
export const ZCustomerState = z.enum(["NEW", "POTENTIAL", "DEAL", "REPURCHASE", "CHURNED"]);
export const ZPresence = z.enum(["ONLINE", "BUSY", "AWAY", "OFFLINE"]);
export type TPresence = z.infer<typeof ZPresence>;
export const ZOutcome = z.enum(["RESOLVED", "UNRESOLVED", "SPAM", "DUPLICATE", "OTHER"]);
export const ZSlaState = z.enum(["none", "ok", "warning", "breached", "met"]);
export const ZWorkbenchRole = z.enum(["OWNER", "ADMIN", "AGENT", "REVIEWER", "VIEWER"]);

// ───────────── inputs (tenantId is added by tenantProcedure) ─────────────

export const ZInboxInput = z.object({
  view: ZInboxView,
  search: z.string().trim().max(200, "Search is too long").optional(),
  channel: ZInboxChannel.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZConversationInput = z.object({ conversationId: ZUuid });
export const ZReplyInput = z.object({
  conversationId: ZUuid,
  text: z.string().trim().min(1, "Write a reply").max(4000, "At most 4000 characters"),
  clientId: ZUuid.optional(),
});
export const ZNoteInput = z.object({
  conversationId: ZUuid,
  text: z.string().trim().min(1, "Write a note").max(4000, "At most 4000 characters"),
});
export const ZTransferInput = z.object({
  conversationId: ZUuid,
  toUserId: ZUuid,
  note: z.string().trim().max(500, "At most 500 characters").optional(),
});
export const ZRespondTransferInput = z.object({ transferId: ZUuid, accept: z.boolean() });
export const ZCancelTransferInput = z.object({ transferId: ZUuid });
export const ZCloseInput = z.object({
  conversationId: ZUuid,
  outcome: ZOutcome,
  requestSatisfaction: z.boolean(),
});
export const ZSetPresenceInput = z.object({ presence: ZPresence });
export const ZTypingInput = z.object({ conversationId: ZUuid, on: z.boolean() });

// ───────────── outputs ─────────────

export const ZSla = z.object({ state: ZSlaState, dueAt: z.date().nullable() });
const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZInboxItem = z.object({
  id: z.string(),
  status: ZConversationStatus,
  channel: ZChannel,
  chatName: z.string().nullable(),
  chatType: z.enum(["PRIVATE", "GROUP"]),
  contact: z.object({
    id: z.string(),
    name: z.string().nullable(),
    level: ZCustomerLevel,
    vip: z.boolean(),
  }),
  assignee: ZPerson.nullable(),
  priority: z.number(),
  escalationReason: z.string().nullable(),
  escalatedAt: z.date().nullable(),
  lastMessageAt: z.date(),
  lastMessage: z.object({ role: ZMessageRole, content: z.string() }).nullable(),
  sla: ZSla,
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInboxOutput = z.object({ items: z.array(ZInboxItem), nextCursor: z.string().nullable() });
export type TInboxOutput = z.infer<typeof ZInboxOutput>;

export const ZCounts = z.object({
  waiting: z.number(),
  mine: z.number(),
  all: z.number(),
  closed: z.number(),
  tickets: z.number(),
});
export type TCounts = z.infer<typeof ZCounts>;

export const ZEvidence = z.object({ id: z.string(), title: z.string(), kind: z.enum(["qa", "document"]) });
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZWorkbenchMessage = z.object({
  id: z.string(),
  role: ZMessageRole,
  content: z.string(),
  createdAt: z.date(),
  senderName: z.string().nullable(),
  authorName: z.string().nullable(),
  action: ZMessageAction.nullable(),
  confidence: z.number().nullable(),
  deliveryStatus: ZDeliveryStatus.nullable(),
  evidence: z.array(ZEvidence),
});
export type TWorkbenchMessage = z.infer<typeof ZWorkbenchMessage>;

export const ZConversationEventItem = z.object({
  id: z.string(),
  type: z.string(),
  fromStatus: ZConversationStatus.nullable(),
  toStatus: ZConversationStatus.nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export type TConversationEventItem = z.infer<typeof ZConversationEventItem>;

export const ZPendingTransfer = z.object({
  id: z.string(),
  fromUserId: z.string(),
  fromName: z.string(),
  toUserId: z.string(),
  toName: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
});
export type TPendingTransfer = z.infer<typeof ZPendingTransfer>;

export const ZConversationDetail = z.object({
  conversation: z.object({
    id: z.string(),
    status: ZConversationStatus,
    channel: ZChannel,
    type: z.enum(["CHAT", "CONSULT", "BUSINESS"]),
    chatName: z.string().nullable(),
    chatType: z.enum(["PRIVATE", "GROUP"]),
    contactId: z.string(),
    assignee: ZPerson.nullable(),
    priority: z.number(),
    escalationReason: z.string().nullable(),
    escalatedAt: z.date().nullable(),
    firstResponseAt: z.date().nullable(),
    outcome: ZOutcome.nullable(),
    satisfaction: z.number().nullable(),
    satisfactionRequested: z.boolean(),
    createdAt: z.date(),
    closedAt: z.date().nullable(),
    sla: ZSla,
  }),
  messages: z.array(ZWorkbenchMessage),
  events: z.array(ZConversationEventItem),
  pendingTransfer: ZPendingTransfer.nullable(),
});
export type TConversationDetail = z.infer<typeof ZConversationDetail>;

export const ZCustomerPanel = z.object({
  contact: z.object({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    level: ZCustomerLevel,
    levelOverride: ZCustomerLevel.nullable(),
    state: ZCustomerState,
    score: z.number(),
    vip: z.boolean(),
    tags: z.array(z.string()),
    messageCount: z.number(),
    conversationCount: z.number(),
    lastSeenAt: z.date().nullable(),
    channel: ZChannel,
    externalId: z.string(),
  }),
  orders: z.array(
    z.object({
      id: z.string(),
      orderNo: z.string(),
      status: z.string(),
      amount: z.string(),
      orderedAt: z.date().nullable(),
    }),
  ),
  pastConversations: z.array(
    z.object({
      id: z.string(),
      status: ZConversationStatus,
      outcome: ZOutcome.nullable(),
      createdAt: z.date(),
      lastMessageAt: z.date(),
    }),
  ),
});
export type TCustomerPanel = z.infer<typeof ZCustomerPanel>;

export const ZAgentItem = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZWorkbenchRole,
  presence: ZPresence,
  active: z.number(),
  maxConcurrent: z.number(),
});
export type TAgentItem = z.infer<typeof ZAgentItem>;

export const ZIncomingTransfer = z.object({
  id: z.string(),
  conversationId: z.string(),
  fromName: z.string(),
  note: z.string().nullable(),
  createdAt: z.date(),
});

export const ZMe = z.object({
  userId: z.string(),
  presence: ZPresence,
  active: z.number(),
  maxConcurrent: z.number(),
  incomingTransfers: z.array(ZIncomingTransfer),
});
export type TMe = z.infer<typeof ZMe>;

export const ZTakeOverResult = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(["already_taken", "closed", "at_capacity", "not_found"]),
    assigneeName: z.string().optional(),
  }),
]);
export type TTakeOverResult = z.infer<typeof ZTakeOverResult>;

export const ZRespondTransferResult = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(["not_pending", "at_capacity"]) }),
]);
export type TRespondTransferResult = z.infer<typeof ZRespondTransferResult>;

export const ZMessageResult = z.object({ message: ZWorkbenchMessage });
export const ZTransferResult = z.object({ transferId: z.string() });
