import { db } from "../../db/client";
import { classifyType } from "../conversations/context/classify-type";
import type { TConversationType } from "../conversations/context/context-types";
import { summariseEntities } from "../conversations/context/entity-memory";
import { buildContextWindow, type TContextWindow } from "../conversations/context/window";
import type { TConversationRow } from "./resolve-conversation";

// The conversation as the model sees it: its type (chat / consult / business), the window of recent
// turns cut at a topic switch, the entity memory (orders, amounts, phones, models) carried across
// turns, and a one-line customer profile. Type and memory are saved on the conversation with the rest
// of the bookkeeping after the answer (persist-answer.ts), not in a statement of their own.

const HISTORY = 40;

export type TContext = {
  type: TConversationType;
  window: TContextWindow;
  entitiesText: string;
  customer: string;
  /** the entity memory to save on the conversation */
  entities: unknown;
};

export async function buildContext(
  tenantId: string,
  conv: TConversationRow,
  text: string,
  now: Date,
  language: "zh-CN" | "en",
): Promise<TContext> {
  const client = await db();
  const rows = await client.message.findMany({
    where: { tenantId, conversationId: conv.id },
    orderBy: { createdAt: "desc" },
    take: HISTORY + 1,
    select: { role: true, content: true, createdAt: true },
  });
  // the newest row is the message being answered (stored already); the window wants the ones before
  const history = rows.slice(1).reverse();
  const recentUser = history.filter((m) => m.role === "CUSTOMER").map((m) => m.content);
  const { type } = classifyType(text, recentUser);
  const window = buildContextWindow(history, type, { now, current: text });
  const { memory, text: entitiesText } = summariseEntities(
    [...window.messages, { role: "CUSTOMER", content: text }],
    conv.entities,
    language,
  );
  const c = conv.contact;
  const level = c.levelOverride ?? c.level;
  const customer = [
    c.name ?? "unknown name",
    `level ${level}${c.vip ? ", VIP" : ""}`,
    `state ${c.state}`,
    `${c.conversationCount} conversation(s)`,
  ].join("; ");
  return { type, window, entitiesText, customer, entities: memory };
}
