import { z } from "zod";
import type { TLiveStatus } from "../../realtime/live-events";

// The widget API's request bodies and the shapes it answers with (docs/widget.md).

export const ZLocale = z.enum(["zh-CN", "en"]);

export const ZSessionBody = z.object({
  tenant: z.string().trim().min(1, "tenant is required").max(100),
  visitorId: z.string().max(100).optional(),
  token: z.string().max(200).optional(),
  locale: ZLocale.optional(),
});

export const ZMessageBody = z.object({
  text: z
    .string()
    .trim()
    .min(1, "The message is empty")
    .max(4000, "The message is longer than 4000 characters"),
  clientId: z.string().uuid("clientId must be a uuid"),
  /** the visitor's language, for the bot's answer (defaults to the tenant's) */
  locale: ZLocale.optional(),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const ZUserBody = z.object({
  id: optionalText(200),
  name: optionalText(100),
  email: z
    .union([z.literal(""), z.string().trim().max(200).pipe(z.email("email is not a valid address"))])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  phone: optionalText(40).pipe(
    z
      .string()
      .regex(/^[0-9+\-() ]{3,40}$/, "phone may only contain digits, spaces and + - ( )")
      .optional(),
  ),
});
export type TUserBody = z.infer<typeof ZUserBody>;

export const ZRatingBody = z.object({
  conversationId: z.string().uuid("conversationId must be a uuid"),
  score: z.number().int("score must be a whole number").min(1, "score is 1 to 5").max(5, "score is 1 to 5"),
  comment: z.string().trim().max(500, "comment is longer than 500 characters").optional(),
});

export type TWidgetRole = "CUSTOMER" | "BOT" | "AGENT" | "SYSTEM";
export const WIDGET_ROLES: TWidgetRole[] = ["CUSTOMER", "BOT", "AGENT", "SYSTEM"];

export type TWidgetMessage = {
  id: string;
  role: TWidgetRole;
  content: string;
  /** ISO time */
  createdAt: string;
  senderName: string | null;
};

export type TWidgetConversation = {
  id: string;
  status: TLiveStatus;
  satisfactionRequested: boolean;
  agentName: string | null;
};

export function toWidgetMessage(row: {
  id: string;
  role: string;
  content: string;
  createdAt: Date;
  senderName: string | null;
}): TWidgetMessage {
  return {
    id: row.id,
    role: row.role as TWidgetRole,
    content: row.content,
    createdAt: row.createdAt.toISOString(),
    senderName: row.senderName,
  };
}
