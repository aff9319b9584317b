import { rawQuery } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { MessageRole } from "../../db/generated/prisma/enums";
import type { TConversationRow } from "./store-inbound";

// What answering reads after the message was stored, in one raw statement: the conversation's recent
// history (the context window's source) and — for a message that waited for an answering slot — the
// conversation and contact as they are now (an agent may have taken over, or the previous answer
// transferred, while it waited).

export const HISTORY = 40;

export type THistoryMessage = { id: string; role: MessageRole; content: string; createdAt: Date };

type TRow = {
  conv: (Omit<TConversationRow, "contact" | "escalatedAt"> & { escalatedAt: string | null }) | null;
  contact: TConversationRow["contact"] | null;
  history: { id: string; role: MessageRole; content: string; createdAt: string }[] | null;
};

const sql = Prisma.sql;
// JSON carries a timestamp without its zone: it is UTC (the session's TimeZone)
const utc = (s: string) => new Date(`${s}Z`);

export async function readConversationState(
  conv: TConversationRow,
  opts: { reload: boolean },
): Promise<{ conversation: TConversationRow; history: THistoryMessage[] }> {
  const now = opts.reload
    ? sql`(SELECT json_build_object('id', c.id, 'tenantId', c."tenantId", 'contactId', c."contactId",
          'chatId', c."chatId", 'chatName', c."chatName", 'chatType', c."chatType", 'status', c.status,
          'escalatedAt', c."escalatedAt", 'botFailureStreak', c."botFailureStreak", 'entities', c.entities)
        FROM "Conversation" c WHERE c.id = ${conv.id} AND c."tenantId" = ${conv.tenantId}) AS conv,
      (SELECT json_build_object('id', k.id, 'externalId', k."externalId", 'name', k.name, 'phone', k.phone,
          'level', k.level, 'levelOverride', k."levelOverride", 'vip', k.vip, 'state', k.state,
          'conversationCount', k."conversationCount")
        FROM "Contact" k WHERE k.id = ${conv.contactId} AND k."tenantId" = ${conv.tenantId}) AS contact,`
    : sql`NULL::json AS conv, NULL::json AS contact,`;
  const [row] = await rawQuery<TRow>(sql`
    SELECT ${now}
      (SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'content', m.content,
          'createdAt', m."createdAt") ORDER BY m."createdAt" DESC)
        FROM (SELECT id, role, content, "createdAt" FROM "Message"
          WHERE "tenantId" = ${conv.tenantId} AND "conversationId" = ${conv.id}
          ORDER BY "createdAt" DESC LIMIT ${HISTORY + 1}) m) AS history`);
  const conversation =
    row?.conv && row.contact
      ? {
          ...row.conv,
          escalatedAt: row.conv.escalatedAt ? utc(row.conv.escalatedAt) : null,
          contact: row.contact,
        }
      : conv;
  const history = (row?.history ?? []).map((m) => ({ ...m, createdAt: utc(m.createdAt) }));
  return { conversation, history };
}
