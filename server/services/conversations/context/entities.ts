import { normalizeText } from "../../knowledge/text/normalize";
import { extractCodes } from "../../knowledge/text/tokenize";

// Entities a customer-service answer depends on, pulled from one message: order numbers, amounts,
// mainland mobile numbers, product models, emails. Matching runs on the normalised text (full-width
// digits, Traditional labels like 訂單號), one kind after another; each match is blanked out so a
// phone number is not read again as an order number or a model. Models keep the customer's casing.

export type TEntities = {
  orderNumbers: string[];
  amounts: string[];
  phones: string[];
  models: string[];
  emails: string[];
};

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
/** Letters then digits, ≥ 8 in all: AB12345678, DD20241105123, SF1234567890. */
const LETTER_ORDER = /(?<![a-z0-9-])[a-z]{1,6}[-_]?\d{6,24}(?![a-z0-9])/g;
const LABEL = "(?:订单编号|订单号|订单|单号|运单号|快递单号|物流单号|order\\s*(?:no\\.?|number|id|#)?)";
const LABELLED_ORDER = new RegExp(
  `${LABEL}\\s*(?:是|为)?\\s*[:：#]?\\s*(\\d(?:[\\d-]{4,30})\\d)(?![\\d])`,
  "g",
);
const PHONE = /(?<![a-z0-9])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?!\d)/g;
const LONG_DIGITS = /(?<![\d.])\d{12,24}(?![\d.])/g;

const CNY = "¥|rmb|cny|人民币";
const USD = "us\\$|\\$|usd";
const NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
const PREFIX_AMOUNT = new RegExp(`(${CNY}|${USD})\\s*(${NUMBER})\\s*(万|千|[kw](?![a-z]))?`, "g");
const SUFFIX_AMOUNT = new RegExp(
  `(?<![\\d.a-z])(${NUMBER})\\s*(万|千|k|w)?\\s*(元|圆|块钱|块(?![电屏板表砖布地玻])|人民币|rmb|cny|usd|美元|美金|刀)`,
  "g",
);
const BARE_WAN = new RegExp(
  `(?<![\\d.a-z])(${NUMBER})\\s*(万|千)(?!\\s*(?:公里|米|人|次|台|个|件|步|字|条|张|小时|分钟|毫安))`,
  "g",
);
const MONEY_CUE =
  /(?:预算|价格|价钱|多少钱|花了|付了|付款|支付|退款|金额|总价|售价|报价|定金|尾款|赔偿|收费|费用|转账|打款|一共|总共)/;

const MULTIPLIER: Record<string, number> = { 万: 10_000, w: 10_000, 千: 1000, k: 1000 };

function formatAmount(value: number, usd: boolean): string {
  const text = Number(value.toFixed(2)).toString();
  return usd ? `$${text}` : `¥${text}`;
}

function amountOf(number: string, multiplier: string | undefined, currency: string): string {
  const value = Number(number.replace(/,/g, "")) * (multiplier ? MULTIPLIER[multiplier] : 1);
  return formatAmount(value, /\$|usd|美元|美金|刀/.test(currency));
}

type THit = { value: string; at: number };

/** Runs a pattern over the working text, collecting results and blanking what matched. */
function take(work: { text: string }, pattern: RegExp, pick: (m: RegExpExecArray) => string | null): THit[] {
  const hits: THit[] = [];
  for (const m of work.text.matchAll(pattern)) {
    const value = pick(m);
    if (value === null) continue;
    const at = m.index ?? 0;
    hits.push({ value, at });
    work.text = work.text.slice(0, at) + " ".repeat(m[0].length) + work.text.slice(at + m[0].length);
  }
  return hits;
}

/** Values in the order the customer wrote them, without duplicates. */
function inOrder(...lists: THit[][]): string[] {
  const hits = lists.flat().sort((a, b) => a.at - b.at);
  return [...new Set(hits.map((h) => h.value))];
}

/** The customer's own casing of a code found in lower case ("iphone15pro" → "iPhone15Pro"). */
function originalCase(code: string, nfkc: string, lowerNfkc: string): string {
  const at = lowerNfkc.indexOf(code);
  return at >= 0 ? nfkc.slice(at, at + code.length) : code.toUpperCase();
}

export function extractEntities(text: string): TEntities {
  const nfkc = text.normalize("NFKC");
  const work = { text: normalizeText(text) };
  const emails = take(work, EMAIL, (m) => m[0]);
  const letterOrders = take(work, LETTER_ORDER, (m) =>
    m[0].replace(/[-_]/, "").length >= 8 ? m[0].toUpperCase() : null,
  );
  const labelledOrders = take(work, LABELLED_ORDER, (m) =>
    m[1].replace(/\D/g, "").length >= 6 ? m[1] : null,
  );
  const phones = take(work, PHONE, (m) => m[1].replace(/\D/g, ""));
  const longOrders = take(work, LONG_DIGITS, (m) => m[0]);
  const prefixed = take(work, PREFIX_AMOUNT, (m) => amountOf(m[2], m[3], m[1]));
  const suffixed = take(work, SUFFIX_AMOUNT, (m) => amountOf(m[1], m[2], m[3]));
  const bare = take(work, BARE_WAN, (m) => {
    const before = work.text.slice(Math.max(0, (m.index ?? 0) - 8), m.index);
    return MONEY_CUE.test(before) ? amountOf(m[1], m[2], "") : null;
  });
  const lower = nfkc.toLowerCase();
  const models = extractCodes(work.text)
    .filter((c) => /[a-z]/.test(c) && /\d/.test(c) && c.length <= 30 && !/^\d{1,2}(?:am|pm)$/.test(c))
    .map((c) => originalCase(c, nfkc, lower));
  return {
    orderNumbers: inOrder(letterOrders, labelledOrders, longOrders),
    amounts: inOrder(prefixed, suffixed, bare),
    phones: inOrder(phones),
    models: [...new Set(models)],
    emails: inOrder(emails),
  };
}
