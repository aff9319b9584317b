import { rawQuery } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { Prisma } from "../../db/generated/prisma/client";
import type {
  ChatType,
  ConversationStatus,
  CustomerLevel,
  CustomerState,
} from "../../db/generated/prisma/enums";
import type { TIncoming } from "./pipeline-schemas";

// Storing a customer's message is ONE statement (data-modifying CTEs, all or nothing): the contact
// upserted (last seen, message count), its open conversation in this chat and device found or opened
// (a new one counts on the contact), the message inserted with the channel's id and the conversation
// touched. A repeat of a channel id violates (tenantId, externalId) and the whole statement rolls back,
// so a duplicate writes nothing — not even the contact's counters. It used to be five to seven
// statements through the ORM; this is what an agent's ack and the agents' screens wait for.

/** The conversation and contact fields the pipeline decides with. */
export type TConversationRow = {
  id: string;
  tenantId: string;
  contactId: string;
  chatId: string | null;
  chatName: string | null;
  chatType: ChatType;
  status: ConversationStatus;
  escalatedAt: Date | null;
  botFailureStreak: number;
  entities: unknown;
  contact: {
    id: string;
    externalId: string;
    name: string | null;
    phone: string | null;
    level: CustomerLevel;
    levelOverride: CustomerLevel | null;
    vip: boolean;
    state: CustomerState;
    conversationCount: number;
  };
};

export type TStoredInbound = {
  conversation: TConversationRow;
  /** when the conversation's previous message arrived (null: this one opened it) */
  previousMessageAt: Date | null;
  message: { id: string; content: string; createdAt: Date; senderName: string | null };
};

type TRow = {
  conv: Omit<TConversationRow, "contact" | "escalatedAt"> & { escalatedAt: string | null };
  contact: TConversationRow["contact"];
  message_id: string;
  message_created_at: Date;
  previous: Date | null;
};

const sql = Prisma.sql;

// the same columns for a found and a created conversation, as JSON (one shape in every database mode)
const CONVERSATION_JSON = sql`json_build_object('id', id, 'tenantId', "tenantId", 'contactId', "contactId",
  'chatId', "chatId", 'chatName', "chatName", 'chatType', "chatType", 'status', status,
  'escalatedAt', "escalatedAt", 'botFailureStreak', "botFailureStreak", 'entities', entities)`;

/** Stores the message; null when the channel id was stored before (nothing was written). */
export async function storeInbound(input: TIncoming, content: string): Promise<TStoredInbound | null> {
  const t = input.tenantId;
  const chatId = input.chat?.id ?? input.contact.externalId;
  const device = input.deviceId ?? null;
  const chatType = input.chat?.type === "group" ? "GROUP" : "PRIVATE";
  const statement = sql`
    WITH known AS (
      SELECT id FROM "Contact" WHERE "tenantId" = ${t} AND channel = ${input.channel}::"Channel"
        AND "externalId" = ${input.contact.externalId}
    ), prior AS (
      -- one conversation per chat and device: the same customer writing to two of the tenant's WeChat
      -- accounts has two conversations, each answered through its own device
      SELECT id FROM "Conversation"
      WHERE "tenantId" = ${t} AND "contactId" = (SELECT id FROM known) AND "chatId" = ${chatId}
        AND "deviceId" IS NOT DISTINCT FROM ${device} AND status <> 'CLOSED'
      ORDER BY "createdAt" DESC LIMIT 1
    ), contact AS (
      INSERT INTO "Contact" (id, "tenantId", channel, "externalId", name, "lastSeenAt", "messageCount",
        "conversationCount", "updatedAt")
      VALUES (gen_random_uuid()::text, ${t}, ${input.channel}::"Channel", ${input.contact.externalId},
        ${input.contact.name ?? null}, now(), 1, 1, now())
      ON CONFLICT ("tenantId", channel, "externalId") DO UPDATE SET "lastSeenAt" = now(),
        "messageCount" = "Contact"."messageCount" + 1,
        "conversationCount" = "Contact"."conversationCount" + CASE WHEN EXISTS (SELECT 1 FROM prior) THEN 0 ELSE 1 END,
        "updatedAt" = now()
      RETURNING id, "externalId", name, phone, level, "levelOverride", vip, state, "conversationCount"
    ), created AS (
      INSERT INTO "Conversation" (id, "tenantId", "contactId", channel, "deviceId", "chatId", "chatName",
        "chatType", "updatedAt")
      SELECT gen_random_uuid()::text, ${t}, contact.id, ${input.channel}::"Channel", ${device}, ${chatId},
        ${input.chat?.name ?? input.contact.name ?? null}, ${chatType}::"ChatType", now()
      FROM contact WHERE NOT EXISTS (SELECT 1 FROM prior)
      RETURNING ${CONVERSATION_JSON} AS conv
    ), conv AS (
      SELECT ${CONVERSATION_JSON} AS conv, "lastMessageAt" AS previous FROM "Conversation"
      WHERE id = (SELECT id FROM prior)
      UNION ALL SELECT conv, NULL::timestamp FROM created
    ), message AS (
      INSERT INTO "Message" (id, "tenantId", "conversationId", role, content, "externalId", "senderName")
      SELECT gen_random_uuid()::text, ${t}, conv.conv->>'id', 'CUSTOMER'::"MessageRole", ${content},
        ${input.externalId ?? null}, ${input.contact.name ?? null}
      FROM conv
      RETURNING id, "createdAt"
    ), touched AS (
      UPDATE "Conversation" SET "lastMessageAt" = now(), lifecycle = 'ACTIVE', "updatedAt" = now()
      WHERE id = (SELECT id FROM prior)
    )
    SELECT conv.conv, conv.previous, row_to_json(contact) AS contact, message.id AS message_id,
      message."createdAt" AS message_created_at
    FROM conv, contact, message`;
  let rows: TRow[];
  try {
    rows = await rawQuery<TRow>(statement);
  } catch (e) {
    if (input.externalId && isUniqueViolation(e)) return null;
    throw e;
  }
  const row = rows[0];
  if (!row) throw new Error("storing the message returned no row");
  const { escalatedAt, ...conv } = row.conv;
  return {
    conversation: {
      ...conv,
      // JSON carries the timestamp without its zone: it is UTC (the session's TimeZone)
      escalatedAt: escalatedAt ? new Date(`${escalatedAt}Z`) : null,
      contact: row.contact,
    },
    previousMessageAt: row.previous,
    message: {
      id: row.message_id,
      content,
      createdAt: row.message_created_at,
      senderName: input.contact.name ?? null,
    },
  };
}
