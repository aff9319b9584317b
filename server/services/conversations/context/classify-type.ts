import { normalizeText } from "../../knowledge/text/normalize";
import { type TConversationType } from "./context-types";
import { extractEntities } from "./entities";

// The kind of conversation, from cues in the customer's words (PRODUCT.md §3 step 5): CHAT (闲聊:
// greetings, thanks, small talk), CONSULT (咨询: questions about products and policies), BUSINESS
// (业务: this customer's own orders, payments, after-sales). Business also gets the seed's boosts for
// concrete data: a 3+ digit number +1.5 (an order number or phone counts; an amount does not), a date
// +1.5, money +2 — but money without any business cue is a price or a budget ("1000元以内有什么推荐"),
// so that +2 goes to CONSULT. Earlier user messages add at half and a quarter weight, so a bare "那黑色的呢"
// keeps the type of the question before it. Ties go to BUSINESS, then CONSULT.

export type TTypeScores = Record<TConversationType, number>;

type TCue = { type: TConversationType; pattern: RegExp; weight: number; name: string };

const CUES: TCue[] = [
  {
    type: "CHAT",
    name: "greeting",
    weight: 1,
    pattern:
      /^(?:你好|您好|嗨|哈喽|哈罗|在吗|在不在|早上好|上午好|下午好|晚上好|早安|晚安|亲)|^(?:hi|hello|hey)\b/,
  },
  { type: "CHAT", name: "thanks", weight: 1, pattern: /谢谢|多谢|感谢|辛苦了|\bthanks\b|\bthank you\b/ },
  {
    type: "CHAT",
    name: "ack",
    weight: 1,
    pattern: /^(?:好的?|好吧|嗯+|哦+|噢|ok|okay|收到|明白了?|知道了|了解了?|行|没问题|可以了)[\s!！。.~～]*$/,
  },
  {
    type: "CHAT",
    name: "smalltalk",
    weight: 1,
    pattern:
      /天气|吃饭|吃了吗|无聊|聊聊天|聊天|你是谁|你叫什么|机器人吗|你是机器人|哈哈|呵呵|笑死|再见|拜拜|心情|周末|开心|有意思|撸串|喝酒|打球|游戏|电影|\bbye\b/,
  },
  {
    type: "CONSULT",
    name: "question",
    weight: 0.5,
    pattern:
      /[?？]|吗|怎么|如何|什么|哪|多少|多久|多长时间|几天|几年|能不能|可以|是否|为什么|区别|有没有|支持|\b(?:how|what|which|does|can i|is there)\b/,
  },
  {
    type: "CONSULT",
    name: "product",
    weight: 1,
    pattern:
      /价格|多少钱|参数|型号|规格|功率|尺寸|重量|颜色|材质|续航|兼容|配件|功能|说明书|\b(?:price|how much|specs?|models?)\b/,
  },
  {
    type: "CONSULT",
    name: "policy",
    weight: 1,
    pattern:
      /保修|质保|保固|政策|包邮|运费|发货时间|几天发货|退换货规则|七天无理由|优惠|活动|会员|\b(?:warranty|shipping|policy)\b/,
  },
  {
    type: "CONSULT",
    name: "advice",
    weight: 1,
    pattern: /推荐|预算|以内|价位|适合|哪款|选哪个|怎么选|安装|使用|怎么用|\brecommend/,
  },
  {
    type: "BUSINESS",
    name: "order",
    weight: 1,
    pattern:
      /订单|下单|下的单|我的订单|单号|物流|快递|发货了吗|到哪了|没收到|签收|催|补发|\b(?:order|tracking|delivery)\b/,
  },
  {
    type: "BUSINESS",
    name: "aftersales",
    weight: 1,
    pattern:
      /退货|换货|退款|维修|报修|返修|售后|坏了|故障|报错|报警码|不能用|无法充电|发错|漏发|少发|破损|\b(?:refund|return|broken|repair)\b/,
  },
  {
    type: "BUSINESS",
    name: "account",
    weight: 1,
    pattern:
      /付款|支付|已付|已经买|买了|改地址|修改地址|取消订单|开发票|开票|发票抬头|投诉|\b(?:paid|payment|invoice|cancel)\b/,
  },
];

const DATE =
  /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?|\d{1,2}月\d{1,2}[日号]|(?<![\d.])\d{1,2}\/\d{1,2}(?![\d/])/;
const BARE_NUMBER = /(?<![\da-z.\-/])\d{3,}(?![\da-z.\-/年月日号])/;

function zero(): TTypeScores {
  return { CHAT: 0, CONSULT: 0, BUSINESS: 0 };
}

/** Scores of one message and the names of the cues that fired. */
export function scoreMessage(text: string): { scores: TTypeScores; cues: string[] } {
  const normal = normalizeText(text);
  const scores = zero();
  const cues: string[] = [];
  for (const cue of CUES) {
    if (!cue.pattern.test(normal)) continue;
    scores[cue.type] += cue.weight;
    cues.push(cue.name);
  }
  const businessWords = scores.BUSINESS > 0;
  const entities = extractEntities(text);
  const boost = (type: TConversationType, name: string, weight: number) => {
    scores[type] += weight;
    cues.push(name);
  };
  const own = entities.orderNumbers.length > 0 || entities.phones.length > 0;
  if (own || (!entities.amounts.length && BARE_NUMBER.test(normal))) boost("BUSINESS", "number", 1.5);
  if (DATE.test(normal)) boost("BUSINESS", "date", 1.5);
  // money about the customer's own order is business; a price or a budget (1000元以内) is pre-sales
  if (entities.amounts.length) boost(own || businessWords ? "BUSINESS" : "CONSULT", "money", 2);
  return { scores, cues };
}

const RECENT_WEIGHTS = [0.5, 0.25];
const PREFERENCE: TConversationType[] = ["BUSINESS", "CONSULT", "CHAT"];

/**
 * Classifies the current user message; `recent` are the user's earlier messages, oldest first.
 * With no cue at all, a short message is chat and a longer one a consultation.
 */
export function classifyType(
  text: string,
  recent: readonly string[] = [],
): { type: TConversationType; scores: TTypeScores; cues: string[] } {
  const own = scoreMessage(text);
  const scores = { ...own.scores };
  recent
    .slice(-RECENT_WEIGHTS.length)
    .reverse()
    .forEach((earlier, i) => {
      const s = scoreMessage(earlier).scores;
      for (const type of PREFERENCE) scores[type] += s[type] * RECENT_WEIGHTS[i];
    });
  const best = Math.max(...PREFERENCE.map((t) => scores[t]));
  if (best === 0) {
    const type = normalizeText(text).replace(/[\s\p{P}\p{S}]/gu, "").length <= 6 ? "CHAT" : "CONSULT";
    return { type, scores, cues: own.cues };
  }
  return { type: PREFERENCE.find((t) => scores[t] === best) ?? "CONSULT", scores, cues: own.cues };
}
