// The language knowledge behind transfer-keyword matching (see transfer-intent.ts). Patterns run on
// normalised text (normalizeText: simplified, lower case, single spaces) and on one clause at a time:
// the text before a keyword ("prefix") or after it ("suffix") up to the nearest punctuation.

/**
 * Words that only name a person (人工 = a human agent). Naming one is not asking for one: "你是真人吗",
 * "客服你好" are not requests, so these need a request cue, or a clause of their own ("人工！").
 * Anything else a tenant lists (转人工, 投诉) is already an action and transfers unless negated.
 */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  "人工",
  "真人",
  "人工客服",
  "真人客服",
  "人工服务",
  "客服",
  "客服人员",
  "经理",
  "主管",
  "负责人",
  "活人",
  "human",
  "agent",
  "real person",
  "live agent",
  "live person",
  "representative",
  "operator",
  "person",
  "manager",
  "customer service",
]);

/** Compounds that contain a keyword but mean something else; tenants add their own. */
export const BUILTIN_EXCLUSIONS = [
  "人工智能",
  "人工费",
  "人工成本",
  "人工湖",
  "人工降雨",
  "人工呼吸",
  "人工合成",
  "人工授精",
  "人工草坪",
  "人工审核",
  "人工安装",
  "人工检测",
  "人工质检",
  "非人工",
  "真人秀",
  "真人版",
  "真人cs",
  "真人尺寸",
  "客服电话",
  "human resources",
  "human error",
  "user agent",
  "travel agent",
];

const FILL_ZH = "(?:个|一个|一位|位|你们的?|您们的?|贵司的?|帮我|给我|我|一下|下|的|真正的|真的|活的|\\s)";
const FILL_EN =
  "(?:\\s+(?:to|with|me|us|a|an|the|your|real|live|actual|human|some|one|someone|please|through|directly|speak|talk|chat|help|from|by))";

export const ZH = {
  /** A negator followed only by words that keep the negation on the keyword: 不需要你帮我|转人工. */
  negation: new RegExp(
    "(?:不需要|不用|不要|不想|不必|无需|无须|没必要|用不着|甭|别|不|没说|没让|没叫|没要)" +
      "(?:需要|要|想|用|帮忙|帮|我|你们|你|给|找|转接|转|接|叫|麻烦|再|去|了|为我|一个|个|一下|什么|来|请|\\s)*$",
  ),
  /** Before a negator: a complaint that it has not happened yet (怎么还不转人工). */
  rhetorical: /(?:为什么|为啥|怎么|咋|干嘛|凭什么)还?\s*$/,
  request: new RegExp(
    `(?:有没有|有无|要|找|转|接|叫|换|喊|请|联系|让|安排|求|呼叫|有|切换|转到|转给|需要|要求|申请|来|给)${FILL_ZH}*$`,
  ),
  with: /(?:和|跟|与|同)\s*$/,
  talk: /^\s*(?:聊|说|谈|沟通|对话|讲|交流)/,
  /** After a person word: calling for them (人工呢, 真人在吗, 人工快来). */
  summon: /^\s*(?:在吗|在不在|在线吗|呢|吧|来|出来|过来|快来|快点|快|接待|介入|帮我|处理一下)/,
  intent: new RegExp(
    "(?:我要|要|要求|申请|必须|坚决|马上|立刻|立即|赶紧|直接|给我|帮我|我想|想要|需要|强烈要求|请|快点?)" +
      "(?:个|一下|下|全额|马上|立刻|立即|直接|办理|做|你们|给我|帮我|我|把钱|全部|全款|\\s)*$",
  ),
  question:
    /[?？]|吗|么|怎么|如何|怎样|多久|多长时间|几天|什么时候|啥时候|何时|能不能|可不可以|可以|能否|是否|流程|规则|政策|进度|到账|到哪|哪里|在哪/,
  /** After a keyword: asking about the service, not for it (投诉电话是多少, 人工客服几点上班). */
  inquiry: /^\s*的?\s*(?:电话|热线|号码|邮箱|邮件|地址|工作时间|上班时间|服务时间|几点|上班|下班)/,
  lead: /^(?:请|麻烦|快点?|赶紧|马上|立刻|直接|帮我|给我|我要|我需要|求求你|求|拜托)+/,
  trail: /(?:吧|呢|啊|呀|啦|了|哈|谢谢|服务员|服务|客服)+$/,
};

export const EN = {
  negation: new RegExp(
    "\\b(?:no|not|don['’]?t|do not|never|without|no need (?:for|to))\\b" +
      "(?:\\s+(?:need|want|wanna|to|a|an|the|any|talk|speak|chat|with|me|be|get|transferred|transfer|connected|connect|real|live|human))*\\s*$",
  ),
  request: new RegExp(
    `(?:\\b(?:want|wanna|need|talk|speak|chat|connect|transfer|get|give|call|contact|reach|see|request|escalate|put|let)\\b${FILL_EN}*|\\bthere\\s+(?:is\\s+|are\\s+)?(?:a|an|any))\\s*$`,
  ),
  summon: /^\s*(?:please|pls|now|asap|!)/,
  intent: new RegExp(
    "\\b(?:want|need|demand|get|give me|request|requesting|issue|process|like|expect|claim)\\b" +
      "(?:\\s+(?:a|an|my|the|full|money|me|to|get|immediate|back))*\\s*$",
  ),
  question: /\?|\b(?:how|when|what|where|why|can|could|will|would|is|does|do|long)\b/,
  inquiry: /^\s*(?:['’]s\s+)?(?:phone|number|hotline|email|e-mail|address|hours|line)\b/,
  lead: /^(?:(?:please|pls|a|an|the|i want|i need|get me|give me)\s*)+/,
  trail: /(?:\s*(?:please|pls|now|asap|thanks|thank you))+$/,
};

/** Clause boundaries: keyword context never reaches across them. */
export const CLAUSE_BREAK = /[，,。.!！?？;；:：\n、~～…]/;
