import { normalizeText } from "../knowledge/text/normalize";
import { segmentWords } from "../knowledge/text/tokenize";
import { findWord, stripMentions } from "./text-match";
import { BUILTIN_EXCLUSIONS, CLAUSE_BREAK, EN, PERSON_WORDS, ZH } from "./transfer-lexicon";

// Does the customer ask for a human? A substring test (the seed's) escalates "客服你好" and
// "人工智能怎么样". Here a keyword counts only when all of these hold:
//  - it is a word of its own: not inside a longer word of the segmenter (人工智能, 人工费) or a listed
//    exclusion, and at word boundaries for English;
//  - it is not negated within its clause (不需要人工, 别转人工, I don't need an agent) — but A-not-A
//    questions (要不要转人工) and complaints (怎么还不转人工) are requests, not negations;
//  - it is not an inquiry about the service (投诉电话是多少, 人工客服几点上班);
//  - person words (人工, 真人, human) are called for: a request verb before (我要/找/转/叫…人工), a
//    summons after (人工呢, 真人在吗), or a clause of their own ("人工！");
//  - intent words (退款) are demanded (我要/申请/要求 退款, or "退款！") and the message is no question:
//    "退款多久到账" is for the knowledge base, not for a person.

export type TTransferKind = "person" | "action" | "intent";
export type TTransferMatch = { word: string; kind: TTransferKind };
export type TTransferLists = { words: string[]; intentWords: string[]; exclusions: string[] };

const CJK = /[\u3400-\u9fff]/;

type TSpan = { start: number; end: number };

/** Word spans of the segmenter, located in `normal` (segmentWords drops punctuation, keeps order). */
function wordSpans(normal: string): TSpan[] {
  const spans: TSpan[] = [];
  let cursor = 0;
  for (const w of segmentWords(normal)) {
    const at = normal.indexOf(w, cursor);
    if (at < 0) continue;
    spans.push({ start: at, end: at + w.length });
    cursor = at + w.length;
  }
  return spans;
}

function clauseAround(normal: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = start;
  while (from > 0 && !CLAUSE_BREAK.test(normal[from - 1])) from--;
  let to = end;
  while (to < normal.length && !CLAUSE_BREAK.test(normal[to])) to++;
  return { prefix: normal.slice(from, start), suffix: normal.slice(end, to) };
}

function stripFillers(clause: string, chinese: boolean): string {
  const lang = chinese ? ZH : EN;
  return clause.trim().replace(lang.lead, "").replace(lang.trail, "").replace(/\s+/g, "");
}

function isNegated(prefix: string, chinese: boolean): boolean {
  if (!chinese) return EN.negation.test(prefix);
  const m = ZH.negation.exec(prefix);
  if (!m) return false;
  const before = prefix.slice(0, m.index);
  if (ZH.rhetorical.test(before)) return false;
  // A-not-A (要不要, 能不能): a question that asks for it
  return !(m[0][0] === "不" && before.length > 0 && before[before.length - 1] === prefix[m.index + 1]);
}

function isCalledFor(word: string, kind: TTransferKind, prefix: string, suffix: string, chinese: boolean) {
  const standalone = stripFillers(prefix + word + suffix, chinese) === stripFillers(word, chinese);
  if (kind === "action" || standalone) return true;
  const lang = chinese ? ZH : EN;
  if (kind === "intent") return lang.intent.test(prefix);
  if (lang.request.test(prefix) || lang.summon.test(suffix)) return true;
  return chinese && ZH.with.test(prefix) && ZH.talk.test(suffix);
}

// Segmenter words that contain a person word and still ask for one (转|人工 is one word to jieba).
const REQUEST_WORDS: ReadonlySet<string> = new Set(["转人工", "接人工", "转接人工", "人工客服", "真人客服"]);

function isInsideLongerWord(normal: string, spans: TSpan[], start: number, end: number): boolean {
  return spans.some(
    (s) =>
      s.start <= start &&
      s.end >= end &&
      s.end - s.start > end - start &&
      !REQUEST_WORDS.has(normal.slice(s.start, s.end)),
  );
}

function coveredBy(normal: string, exclusions: readonly string[], start: number, end: number): boolean {
  return exclusions.some((x) =>
    findWord(normal, x).some((at) => at <= start && at + x.length >= end && x.length > end - start),
  );
}

/** The first keyword the customer really uses to ask for a human, or null. Lists are normalised. */
export function detectTransferRequest(text: string, lists: TTransferLists): TTransferMatch | null {
  const normal = normalizeText(stripMentions(text));
  if (!normal) return null;
  const exclusions = [...BUILTIN_EXCLUSIONS, ...lists.exclusions];
  const isQuestion = (chinese: boolean) => (chinese ? ZH : EN).question.test(normal);
  let spans: TSpan[] | undefined;
  const candidates = [
    ...lists.words.map((word) => ({ word, kind: PERSON_WORDS.has(word) ? "person" : "action" }) as const),
    ...lists.intentWords.map((word) => ({ word, kind: "intent" }) as const),
  ].sort((a, b) => b.word.length - a.word.length);

  for (const { word, kind } of candidates) {
    const chinese = CJK.test(word);
    for (const start of findWord(normal, word)) {
      const end = start + word.length;
      if (coveredBy(normal, exclusions, start, end)) continue;
      if (chinese && isInsideLongerWord(normal, (spans ??= wordSpans(normal)), start, end)) continue;
      const { prefix, suffix } = clauseAround(normal, start, end);
      if (isNegated(prefix, chinese)) continue;
      if ((chinese ? ZH : EN).inquiry.test(suffix)) continue;
      if (kind === "intent" && isQuestion(chinese)) continue;
      if (isCalledFor(word, kind, prefix, suffix, chinese)) return { word, kind };
    }
  }
  return null;
}
