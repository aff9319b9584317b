import { z } from "zod";
import { ConversationType, MessageRole } from "../../../db/generated/prisma/enums";

// Shapes shared by the conversation-context functions. They mirror the Message and Conversation
// columns the pipeline reads, so a Prisma row can be passed as it is.

export type TConversationType = ConversationType;
export const CONVERSATION_TYPES = Object.values(ConversationType);

export const ZContextMessage = z.object({
  role: z.enum(MessageRole),
  content: z.string(),
  createdAt: z.date(),
});
export type TContextMessage = z.infer<typeof ZContextMessage>;

/** Roles whose text belongs to the dialogue; NOTE (internal) and SYSTEM lines never reach a prompt. */
export const DIALOGUE_ROLES: ReadonlySet<MessageRole> = new Set(["CUSTOMER", "BOT", "AGENT"]);
