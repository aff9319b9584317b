import { classifyType } from "../conversations/context/classify-type";
import type { TConversationType } from "../conversations/context/context-types";
import { summariseEntities } from "../conversations/context/entity-memory";
import { buildContextWindow, type TContextWindow } from "../conversations/context/window";
import { HISTORY, type THistoryMessage } from "./conversation-state";
import type { TConversationRow } from "./store-inbound";

// The conversation as the model sees it: its type (chat / consult / business), the window of recent
// turns cut at a topic switch, the entity memory (orders, amounts, phones, models) carried across
// turns, and a one-line customer profile. Type and memory are saved on the conversation with the rest
// of the bookkeeping after the answer (persist-answer.ts), not in a statement of their own.

export type TContext = {
  type: TConversationType;
  window: TContextWindow;
  entitiesText: string;
  customer: string;
  /** the entity memory to save on the conversation */
  entities: unknown;
};

/** `rows`: the conversation's messages before the one being answered, newest first. */
export function buildContext(
  rows: THistoryMessage[],
  conv: TConversationRow,
  text: string,
  now: Date,
  language: "zh-CN" | "en",
): TContext {
  const history = rows.slice(0, HISTORY).reverse();
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
