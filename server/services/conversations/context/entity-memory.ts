import { z } from "zod";
import { DIALOGUE_ROLES } from "./context-types";
import { extractEntities, type TEntities } from "./entities";
import { type MessageRole } from "../../../db/generated/prisma/enums";

// The entity memory carried across turns (Conversation.entities): what was mentioned, newest first,
// without duplicates, a few per kind. Messages outside the context window still count, so "查一下
// 我的订单" ten minutes later still knows the order number. The one-line text for the prompt masks
// phone numbers and emails: the prompt goes to a third-party model and never needs them whole (the ERP
// lookup reads the memory itself).

export const MAX_PER_KIND = 5;
const KINDS = ["orderNumbers", "amounts", "phones", "models", "emails"] as const;

const ZList = z.array(z.string().max(100)).max(50).default([]);
export const ZEntityMemory = z.object({
  orderNumbers: ZList,
  amounts: ZList,
  phones: ZList,
  models: ZList,
  emails: ZList,
});
export type TEntityMemory = TEntities;

export function emptyEntityMemory(): TEntityMemory {
  return { orderNumbers: [], amounts: [], phones: [], models: [], emails: [] };
}

/** Reads the stored JSON column; anything unreadable counts as an empty memory. */
export function parseEntityMemory(json: unknown): TEntityMemory {
  const parsed = ZEntityMemory.safeParse(json ?? {});
  return parsed.success ? parsed.data : emptyEntityMemory();
}

const keyOf = (kind: (typeof KINDS)[number], value: string) =>
  kind === "models" || kind === "emails" ? value.toLowerCase() : value;

/** Newest first: `newer` lists go before `older`, duplicates dropped, each kind capped. */
export function mergeEntityMemory(newer: TEntityMemory, older: TEntityMemory): TEntityMemory {
  const out = emptyEntityMemory();
  for (const kind of KINDS) {
    const seen = new Set<string>();
    for (const value of [...newer[kind], ...older[kind]]) {
      const key = keyOf(kind, value);
      if (seen.has(key) || out[kind].length >= MAX_PER_KIND) continue;
      seen.add(key);
      out[kind].push(value);
    }
  }
  return out;
}

const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : p);
const maskEmail = (e: string) => e.replace(/^(.)[^@]*/, "$1***");

const LABELS = {
  "zh-CN": {
    orderNumbers: "订单号",
    amounts: "金额",
    phones: "手机",
    models: "型号",
    emails: "邮箱",
    sep: "；",
    list: "、",
    colon: " ",
  },
  en: {
    orderNumbers: "Order numbers",
    amounts: "Amounts",
    phones: "Phones",
    models: "Models",
    emails: "Emails",
    sep: "; ",
    list: ", ",
    colon: ": ",
  },
} as const;

/** One line for the prompt, e.g. "订单号 AB12345678；金额 ¥199；手机 138****8000"; "" when empty. */
export function formatEntityMemory(memory: TEntityMemory, language: "zh-CN" | "en" = "zh-CN"): string {
  const l = LABELS[language];
  return KINDS.filter((kind) => memory[kind].length > 0)
    .map((kind) => {
      const values = memory[kind].map((v) =>
        kind === "phones" ? maskPhone(v) : kind === "emails" ? maskEmail(v) : v,
      );
      return `${l[kind]}${l.colon}${values.join(l.list)}`;
    })
    .join(l.sep);
}

export type TEntitySource = { content: string; role?: MessageRole };

/**
 * The memory after these messages (oldest first, as stored), merged over the previously stored one.
 * Internal notes and system lines are skipped.
 */
export function summariseEntities(
  history: readonly TEntitySource[],
  previous: unknown = {},
  language: "zh-CN" | "en" = "zh-CN",
): { memory: TEntityMemory; text: string } {
  let memory = emptyEntityMemory();
  for (const message of history) {
    if (message.role && !DIALOGUE_ROLES.has(message.role)) continue;
    memory = mergeEntityMemory(extractEntities(message.content), memory);
  }
  memory = mergeEntityMemory(memory, parseEntityMemory(previous));
  return { memory, text: formatEntityMemory(memory, language) };
}
