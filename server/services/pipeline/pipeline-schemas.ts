import { z } from "zod";
import { Channel } from "../../db/generated/prisma/enums";

// What every channel (WeChat agent, widget, REST) hands the pipeline, and what it gets back.

export const ZIncomingMessage = z.object({
  tenantId: z.string().uuid(),
  channel: z.enum(Channel),
  /** the channel's message id: the idempotency key (a repeat returns the first result) */
  externalId: z.string().trim().min(1).max(200).optional(),
  contact: z.object({
    externalId: z.string().trim().min(1).max(200),
    name: z.string().trim().max(100).optional(),
  }),
  /** the chat the message came from; a private chat defaults to the contact */
  chat: z
    .object({
      id: z.string().trim().min(1).max(200),
      name: z.string().trim().max(100).optional(),
      type: z.enum(["private", "group"]).default("private"),
    })
    .optional(),
  text: z
    .string()
    .trim()
    .min(1, "The message is empty")
    .max(4000, "The message is longer than 4000 characters"),
  atMe: z.boolean().default(false),
  deviceId: z.string().uuid().optional(),
  language: z.string().max(20).optional(),
});
export type TIncomingMessage = z.input<typeof ZIncomingMessage>;
export type TIncoming = z.output<typeof ZIncomingMessage>;

export const PIPELINE_ACTIONS = ["reply", "clarify", "transfer", "ignore"] as const;
export type TPipelineAction = (typeof PIPELINE_ACTIONS)[number];

export const ZPipelineResult = z.object({
  action: z.enum(PIPELINE_ACTIONS),
  content: z.string(),
  confidence: z.number().min(0).max(1),
  conversationId: z.string(),
  /** the customer's stored message */
  messageId: z.string(),
  /** the bot's stored answer, when it gave one */
  replyMessageId: z.string().nullable(),
  /** why: rule, direct_answer, generated, knowledge_template, human_mode, low_confidence, … */
  reason: z.string(),
  duplicate: z.boolean().default(false),
});
export type TPipelineResult = z.infer<typeof ZPipelineResult>;
