import { normalizeText } from "../knowledge/text/normalize";
import { audienceIgnoreReason, type TAudienceIgnore, type TRuleChat, type TRuleContact } from "./audience";
import { type TRuleSet } from "./rule-schemas";
import { renderTemplate, resolveLanguage } from "./templates";
import { firstWordIn, maskWords, stripMentions } from "./text-match";
import { detectTransferRequest } from "./transfer-intent";
import { formatOpening, isWithinWorkingHours, nextOpening } from "./working-hours";

// Pipeline step 4 for one incoming message, without state: blacklist → group policy (@-mention) →
// sensitive words that refuse → transfer keywords → forbidden topics → continue (sensitive words
// masked). Rate limits need shared state and run separately (rate-limits.ts). `afterHours` comes with
// every decision: a transfer outside working hours becomes a ticket, and its reply says when service
// reopens instead of promising an agent now.

export type TRuleInput = {
  text: string;
  contact: TRuleContact;
  chat: TRuleChat;
  /** The channel's @-mention flag (WeChat groups); ignored in private chats. */
  atMe: boolean;
  now: Date;
  language: string;
};

type TBase = { afterHours: boolean };

export type TRuleDecision = TBase &
  (
    | { kind: "ignore"; reason: TAudienceIgnore }
    | {
        kind: "transfer";
        reason: "keyword" | "forbidden_topic";
        matched: string;
        reply: string;
        /** Masked as for `continue`, for storing. */
        text: string;
        /** When service reopens (only after hours; null when the schedule never opens). */
        nextOpening?: Date | null;
      }
    | { kind: "refuse"; matched: string; reply: string; text: string }
    | { kind: "continue"; text: string; masked: boolean }
  );

export function evaluateRules(ruleSet: TRuleSet, input: TRuleInput): TRuleDecision {
  const language = resolveLanguage(input.language);
  const afterHours = !isWithinWorkingHours(ruleSet.workingHours, input.now);

  const ignore = audienceIgnoreReason(ruleSet, input.contact, input.chat, input.atMe);
  if (ignore) return { kind: "ignore", reason: ignore, afterHours };

  const { refuse, mask } = ruleSet.sensitive;
  const masked = maskWords(input.text, [...refuse, ...mask]);
  const normal = normalizeText(stripMentions(input.text));

  const refused = firstWordIn(normal, refuse);
  if (refused) {
    const reply = renderTemplate(ruleSet, "refuse", language);
    return { kind: "refuse", matched: refused, reply, text: masked.text, afterHours };
  }

  const transferReply = (template: string) => {
    if (!afterHours) return { reply: template };
    const at = nextOpening(ruleSet.workingHours, input.now);
    const when = formatOpening(at, ruleSet.workingHours.timezone, language);
    return { reply: renderTemplate(ruleSet, "afterHours", language, { nextOpening: when }), nextOpening: at };
  };

  const keyword = detectTransferRequest(input.text, ruleSet.transfer);
  if (keyword) {
    const reply = transferReply(renderTemplate(ruleSet, "transfer", language));
    return {
      kind: "transfer",
      reason: "keyword",
      matched: keyword.word,
      text: masked.text,
      afterHours,
      ...reply,
    };
  }

  for (const topic of ruleSet.forbiddenTopics) {
    const matched = firstWordIn(normal, topic.words);
    if (!matched) continue;
    const reply = transferReply(topic.template ?? renderTemplate(ruleSet, "forbiddenTopic", language));
    return { kind: "transfer", reason: "forbidden_topic", matched, text: masked.text, afterHours, ...reply };
  }

  return { kind: "continue", text: masked.text, masked: masked.matched.length > 0, afterHours };
}
