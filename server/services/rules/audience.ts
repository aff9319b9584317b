import { type CustomerLevel } from "../../db/generated/prisma/enums";
import { normalizeText } from "../knowledge/text/normalize";
import { type TRuleSet } from "./rule-schemas";

// Who the bot serves at all: the blacklist and the group policy. Names compare in normal form
// (張三 = 张三, full-width = half-width); phones compare as bare mainland numbers.

export type TRuleContact = {
  id: string;
  name?: string | null;
  phone?: string | null;
  level?: CustomerLevel | null;
};
export type TRuleChat = { id: string; type: "private" | "group"; name?: string | null };

/** Digits only, without a +86 / 0086 country prefix. */
export function barePhone(phone: string): string {
  const digits = phone.normalize("NFKC").replace(/\D/g, "");
  return digits.length > 11 && /^(?:0086|86)1\d{10}$/.test(digits) ? digits.slice(-11) : digits;
}

const patternCache = new Map<string, RegExp>();

function phoneRegex(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const bare = pattern.replace(/[\s-]/g, "").replace(/^\+?(?:0086|86)(?=1)/, "");
    re = new RegExp(`^${bare.replace(/\+/g, "").replace(/\*/g, "\\d*").replace(/\?/g, "\\d")}$`);
    if (patternCache.size < 5000) patternCache.set(pattern, re);
  }
  return re;
}

export function isBlacklisted(list: TRuleSet["blacklist"], contact: TRuleContact, chat: TRuleChat): boolean {
  if (list.contactIds.includes(contact.id) || list.chatIds.includes(chat.id)) return true;
  if (contact.level && list.levels.includes(contact.level)) return true;
  if (contact.name && list.names.includes(normalizeText(contact.name))) return true;
  if (!contact.phone) return false;
  const phone = barePhone(contact.phone);
  return phone.length > 0 && list.phonePatterns.some((p) => phoneRegex(p).test(phone));
}

export type TAudienceIgnore = "blacklist" | "group_not_allowed" | "not_mentioned";

/** Why the bot stays silent for this sender and chat, or null when it serves them. */
export function audienceIgnoreReason(
  ruleSet: Pick<TRuleSet, "blacklist" | "groupPolicy">,
  contact: TRuleContact,
  chat: TRuleChat,
  atMe: boolean,
): TAudienceIgnore | null {
  if (isBlacklisted(ruleSet.blacklist, contact, chat)) return "blacklist";
  if (chat.type !== "group") return null;
  const { allowedGroupIds, allowedGroupNames, mentionOnly } = ruleSet.groupPolicy;
  if (allowedGroupIds.length > 0 || allowedGroupNames.length > 0) {
    const byId = allowedGroupIds.includes(chat.id);
    const byName = !!chat.name && allowedGroupNames.includes(normalizeText(chat.name));
    if (!byId && !byName) return "group_not_allowed";
  }
  return mentionOnly && !atMe ? "not_mentioned" : null;
}
