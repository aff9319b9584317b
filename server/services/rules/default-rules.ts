import {
  type TLanguage,
  type TRuleSet,
  type TTemplateKey,
  ZBlacklistConfig,
  ZGroupPolicyConfig,
  ZRateLimitConfig,
  ZWorkingHoursConfig,
} from "./rule-schemas";
import { normalizeWords } from "./text-match";

// What every tenant gets before editing anything (PRODUCT.md §3 step 4). A tenant's rows add to the
// word lists and override the single-valued settings; see resolve-rules.ts.

/**
 * 退款 is listed as an intent word, not a plain keyword: "我要退款" / "申请退款" / "退款！" transfer,
 * but "退款多久到账" and "怎么申请退款" are questions the knowledge base answers.
 */
export const DEFAULT_TRANSFER = {
  words: [
    "人工",
    "真人",
    "转人工",
    "接人工",
    "投诉",
    "人工客服",
    "human",
    "agent",
    "real person",
    "live agent",
    "representative",
    "complaint",
    "complain",
  ],
  intentWords: ["退款", "refund"],
  exclusions: [] as string[],
};

export const DEFAULT_FORBIDDEN_WORDS = [
  "合同",
  "法律",
  "律师",
  "起诉",
  "诉讼",
  "contract",
  "legal",
  "lawyer",
  "lawsuit",
];

export const DEFAULT_TEMPLATES: Record<TLanguage, Record<TTemplateKey, string>> = {
  "zh-CN": {
    greeting: "您好，很高兴为您服务，请问有什么可以帮您？",
    transfer: "正在为您转接人工客服，请稍候。",
    afterHours: "现在是非工作时间，您的问题已记录，我们会在{nextOpening}后尽快联系您。",
    throttle: "您的提问频率稍快，请稍后再试～",
    refuse: "抱歉，您的消息包含不当内容，我们无法处理。",
    forbiddenTopic: "此类问题需要专业顾问协助，已为您转接人工客服。",
    clarify: "为了更准确地帮助您，能否再详细描述一下？例如订单号、产品型号或具体情况。",
    defaultReply: "抱歉，这个问题我暂时无法回答，已为您转接人工客服。",
    idlePrompt: "还在吗？如果需要帮助，随时告诉我哦~",
    humanJoined: "客服【{name}】已接入，请问有什么可以帮您？",
    releasedToBot: "人工客服已结束服务，接下来由智能助手继续为您服务。",
  },
  en: {
    greeting: "Hello! How can I help you today?",
    transfer: "Transferring you to a human agent, please wait a moment.",
    afterHours:
      "We are outside working hours. Your request has been recorded and we will contact you after {nextOpening}.",
    throttle: "You are sending messages a little fast. Please try again in a moment.",
    refuse: "Sorry, your message contains content we cannot process.",
    forbiddenTopic: "This question needs a specialist, so we are transferring you to a human agent.",
    clarify:
      "To help you better, could you give a few more details, such as an order number or product model?",
    defaultReply: "Sorry, I can't answer that right now. We are transferring you to a human agent.",
    idlePrompt: "Are you still there? Let me know whenever you need help.",
    humanJoined: "Agent {name} has joined the conversation. How can I help you?",
    releasedToBot: "The agent has left the conversation. The assistant will continue to help you.",
  },
};

export function defaultRuleSet(): TRuleSet {
  return {
    blacklist: ZBlacklistConfig.parse({}),
    transfer: {
      words: normalizeWords(DEFAULT_TRANSFER.words),
      intentWords: normalizeWords(DEFAULT_TRANSFER.intentWords),
      exclusions: [],
    },
    sensitive: { mask: [], refuse: [] },
    forbiddenTopics: [{ words: normalizeWords(DEFAULT_FORBIDDEN_WORDS) }],
    rateLimit: ZRateLimitConfig.parse({}),
    groupPolicy: ZGroupPolicyConfig.parse({}),
    workingHours: ZWorkingHoursConfig.parse({}),
    templates: { "zh-CN": { ...DEFAULT_TEMPLATES["zh-CN"] }, en: { ...DEFAULT_TEMPLATES.en } },
  };
}
