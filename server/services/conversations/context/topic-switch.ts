import { normalizeText } from "../../knowledge/text/normalize";
import { STOPWORDS } from "../../knowledge/text/stopwords";
import { canonicalWord } from "../../knowledge/text/synonyms";
import { extractCodes, segmentWords } from "../../knowledge/text/tokenize";
import { classifyType } from "./classify-type";
import { type TConversationType } from "./context-types";

// Has the customer moved to a new topic? Then the earlier turns would only confuse the answer. The
// seed's three signals, made stricter because cutting a follow-up off from its subject is worse than
// keeping a little stale context:
//  - a marker at the start of the message (after greetings/acknowledgements): 对了 另外 换个问题 …;
//    还有 only when it introduces something (还有，/还有一个问题), never in 还有吗/还有货吗;
//  - keyword overlap with the last 3 user messages below 0.25, when both sides have ≥ 2 content words;
//  - a type change after two messages of the same type (not to CHAT: "谢谢" ends nothing).
// A follow-up (这个/它/那款/刚才…, or "那…" / "…呢" questions) is never a switch, except after an explicit
// marker (换个问题, 不说这个了).

export type TTopicSwitch =
  | { switched: false; overlap?: number }
  | { switched: true; reason: "marker"; marker: string }
  | { switched: true; reason: "low_overlap"; overlap: number }
  | { switched: true; reason: "type_change"; from: TConversationType; to: TConversationType };

const LEAD =
  /^(?:@[^\s@]{1,20}\s|[\s\p{P}\p{S}]+|(?:好的|好吧|好|嗯+|哦+|噢|ok|okay|谢谢|多谢|明白了?|知道了|了解了?|你好|您好|hi|hello|亲)(?=[\s\p{P}]|$|[\u4e00-\u9fff]))+/u;
const EXPLICIT = /^(?:换个问题|换个话题|不说这个了|不聊这个了|先不说这个|another question|on another note)/;
const SOFT =
  /^(?:对了|对啦|另外|顺便问|顺便说|还想问|再问|问一下|说说|话说|by the way|btw|also,|one more thing|还有(?=[\s\p{P}]|一个|一件|个|件|就是|我|想|问|请问|个问题))/u;
const FOLLOW_UP =
  /这个|那个|它|这款|那款|这种|那种|这台|那台|这件|那件|这单|那单|同款|上面|刚才|刚刚|之前说|前面说|\bit\b|\bthis one\b|\bthat one\b/;
const FOLLOW_UP_START = /^(?:那|那么|所以|然后|如果|要是|and |so |then )/;

/** Words that ask or fill rather than say what about (canonical forms of the synonym groups). */
const NOT_CONTENT: ReadonlySet<string> = new Set([
  "怎么",
  "可以",
  "多久",
  "什么",
  "多少",
  "哪里",
  "哪个",
  "为什么",
  "是否",
  "还有",
  "需要",
  "想要",
  "知道",
  "想问",
  "问问",
  "现在",
  "一直",
  "还是",
  "就是",
  "这样",
  "那样",
  "有点",
  "能够",
  "一些",
]);

export function contentWords(text: string): Set<string> {
  const normal = normalizeText(text);
  const words = segmentWords(normal)
    .filter((w) => !/\d/.test(w) && w.length >= 2 && !STOPWORDS.has(w))
    .map((w) => canonicalWord(w))
    .filter((w) => !STOPWORDS.has(w) && !NOT_CONTENT.has(w));
  return new Set([...words, ...extractCodes(normal)]);
}

function isFollowUp(rest: string): boolean {
  return FOLLOW_UP.test(rest) || FOLLOW_UP_START.test(rest) || (/呢[?？]?$/.test(rest) && rest.length <= 12);
}

export type TTopicSwitchOptions = {
  /** Types of `recent`, when already known (else classified here). */
  recentTypes?: readonly TConversationType[];
  currentType?: TConversationType;
};

/** `recent` are the user's earlier messages, oldest first (only the last 3 are used). */
export function detectTopicSwitch(
  text: string,
  recent: readonly string[],
  options: TTopicSwitchOptions = {},
): TTopicSwitch {
  if (recent.length === 0) return { switched: false };
  const rest = normalizeText(text).replace(LEAD, "");
  const explicit = EXPLICIT.exec(rest);
  if (explicit) return { switched: true, reason: "marker", marker: explicit[0] };
  if (isFollowUp(rest.replace(SOFT, "").replace(LEAD, ""))) return { switched: false };
  const soft = SOFT.exec(rest);
  if (soft) return { switched: true, reason: "marker", marker: soft[0] };

  const currentType = options.currentType ?? classifyType(text).type;
  const types = options.recentTypes ?? recent.slice(-2).map((r) => classifyType(r).type);
  const [a, b] = types.slice(-2);
  if (types.length >= 2 && a === b && currentType !== a && currentType !== "CHAT") {
    return { switched: true, reason: "type_change", from: a, to: currentType };
  }

  const current = contentWords(text);
  const before = new Set(recent.slice(-3).flatMap((r) => [...contentWords(r)]));
  if (current.size < 2 || before.size < 2) return { switched: false };
  const shared = [...current].filter((w) => before.has(w)).length;
  const overlap = shared / current.size;
  return overlap < 0.25 ? { switched: true, reason: "low_overlap", overlap } : { switched: false, overlap };
}
