import { z } from "zod";

// Every event Kefu emits, with its payload schema. Every payload carries tenantId and is validated
// when sent and again when a function receives it.

export const EVENTS = {
  "kefu/invitation.created": z.object({
    tenantId: z.string().uuid(),
    invitationId: z.string().uuid(),
    email: z.email(),
    role: z.string(),
    tenantName: z.string(),
    inviterName: z.string(),
    language: z.string(),
    link: z.url(),
    expiresAt: z.string(),
  }),
  "kefu/knowledge.reindex-requested": z.object({
    tenantId: z.string().uuid(),
    reason: z.enum(["dictionary", "synonyms", "embedder", "manual"]),
  }),
  "kefu/knowledge.document-uploaded": z.object({
    tenantId: z.string().uuid(),
    documentId: z.string().uuid(),
  }),
  "kefu/conversation.escalated": z.object({
    tenantId: z.string().uuid(),
    conversationId: z.string().uuid(),
    reason: z.string().max(40),
    afterHours: z.boolean(),
    status: z.enum(["PENDING_HUMAN", "TICKET"]),
  }),
  "kefu/conversation.closed": z.object({
    tenantId: z.string().uuid(),
    conversationId: z.string().uuid(),
    reason: z.enum(["closed", "idle"]),
  }),
  /** the lifecycle sweep of one tenant's open conversations (every minute, lifecycle-sweep.ts) */
  "kefu/conversations.sweep-requested": z.object({
    tenantId: z.string().uuid(),
  }),
  /** the nightly customer re-scoring of one tenant (also on demand) */
  "kefu/customers.rescore-requested": z.object({
    tenantId: z.string().uuid(),
    reason: z.enum(["nightly", "manual"]),
  }),
  "kefu/message.processed": z.object({
    tenantId: z.string().uuid(),
    conversationId: z.string().uuid(),
    messageId: z.string().uuid(),
    action: z.enum(["reply", "clarify", "transfer", "ignore"]),
    /** the conversation's customer (saves the re-scoring job a lookup); absent in older events */
    contactId: z.string().uuid().optional(),
  }),
  "kefu/erp.sync-requested": z.object({
    tenantId: z.string().uuid(),
    connectionId: z.string().uuid(),
    trigger: z.enum(["SCHEDULE", "MANUAL"]),
  }),
  /** one check of a tenant's alert rules (the every-minute schedule emits it per tenant) */
  "kefu/alerts.check-requested": z.object({
    tenantId: z.string().uuid(),
  }),
  /** recompute the tenant's hourly dashboard roll-ups for the last few hours (5-minute schedule) */
  "kefu/dashboard.rollup-requested": z.object({
    tenantId: z.string().uuid(),
    reason: z.enum(["schedule", "manual"]),
  }),
  /** recompute the tenant's UsageDaily rows of yesterday and today (hourly schedule) */
  "kefu/dashboard.usage-rollup-requested": z.object({
    tenantId: z.string().uuid(),
    reason: z.enum(["schedule", "manual"]),
  }),
} as const;

export type TEventName = keyof typeof EVENTS;
export type TEventData<N extends TEventName> = z.infer<(typeof EVENTS)[N]>;
