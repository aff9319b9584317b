// The seed's learning filters (seed-repos.md "Auto-learning"), corrected: the seed's question test
// missed 呢/多少/多久/能否/是否/有没有/哪, and its failure list missed the bot's hand-over phrases
// (转人工, 不知道, 不清楚), which are the answers most worth not learning.

const QUESTION_MARKERS =
  /[？?]|吗|呢|怎么|怎样|如何|什么|哪|多少|能否|可否|是否|能不能|可不可以|有没有|为什么|多久|多长|几[天个号点年月次件]/;
const FAILURE_MARKERS =
  /抱歉|对不起|不好意思|无法|暂时|失败|错误|系统异常|未配置|不知道|不清楚|转人工|人工客服/;
const THANKS_MARKERS = /谢谢|多谢|感谢|好的|明白了|懂了|了解了|thanks|thank you/i;

export const MIN_ANSWER_LENGTH = 20;

export function isQuestion(text: string): boolean {
  return QUESTION_MARKERS.test(text);
}

export function isFailureAnswer(text: string): boolean {
  return FAILURE_MARKERS.test(text);
}

export function isThanks(text: string): boolean {
  return THANKS_MARKERS.test(text);
}

/** Characters, not UTF-16 units: "≥ 20" is meant for Chinese text. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

/**
 * Confidence of a candidate. A human agent's answer starts just under the auto-approval line (0.80):
 * it is the best source we have, but one agent's wording should reach the KB unreviewed only with a
 * sign that it worked — the customer thanked, or the answer is thorough. A bot answer came from the KB
 * already; it is learned only for review, never automatically (capped at 0.79).
 */
export function candidateConfidence(opts: {
  answeredBy: "HUMAN" | "BOT";
  answer: string;
  botConfidence: number | null;
  thanked: boolean;
}): number {
  if (opts.answeredBy === "BOT") return Math.min(0.79, opts.botConfidence ?? 0.6);
  let c = 0.75;
  if (opts.thanked) c += 0.06;
  if (textLength(opts.answer) >= 60) c += 0.04;
  return Math.round(Math.min(c, 0.95) * 100) / 100;
}
