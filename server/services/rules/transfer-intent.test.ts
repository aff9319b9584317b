import { describe, expect, it } from "vitest";
import { defaultRuleSet } from "./default-rules";
import { resolveRules } from "./resolve-rules";
import { detectTransferRequest } from "./transfer-intent";

const lists = defaultRuleSet().transfer;

// [message, the keyword that should be reported]
const TRANSFERS: [string, string][] = [
  ["我要人工", "人工"],
  ["转人工", "转人工"],
  ["人工客服", "人工客服"],
  ["找真人", "真人"],
  ["我要投诉", "投诉"],
  ["投诉你们", "投诉"],
  ["叫你们人工来", "人工"],
  ["接人工", "接人工"],
  ["人工！！！", "人工"],
  ["人工呢", "人工"],
  ["真人在吗", "真人"],
  ["有人工吗", "人工"],
  ["你们有没有真人啊", "真人"],
  ["我想和人工聊", "人工"],
  ["帮我转人工", "转人工"],
  ["能不能转人工", "转人工"],
  ["要不要转人工啊", "转人工"],
  ["怎么还不转人工", "转人工"],
  ["为什么不给我转人工", "转人工"],
  ["不满意我要投诉", "投诉"],
  ["叫个人工过来", "人工"],
  ["人工快来", "人工"],
  ["给我找个真人", "真人"],
  ["人工客服在吗", "人工客服"],
  ["你好，人工", "人工"],
  ["我不需要机器人，我要人工", "人工"],
  ["不需要人工，我要投诉", "投诉"],
  ["怎么投诉", "投诉"],
  ["我要退款", "退款"],
  ["申请退款", "退款"],
  ["给我退款", "退款"],
  ["我要求全额退款！", "退款"],
  ["退款！", "退款"],
  ["轉人工", "转人工"], // traditional
  ["我要投訴你們", "投诉"],
  ["ＲＥＦＵＮＤ！", "refund"], // full-width
  ["@小助手\u2005我要人工", "人工"], // WeChat mention
  ["I want to talk to a human", "human"],
  ["agent please", "agent"],
  ["Can I speak to a real person?", "real person"],
  ["get me a live agent", "live agent"],
  ["is there a human I can talk to", "human"],
  ["I have a complaint about my order", "complaint"],
  ["I want a refund", "refund"],
  ["I need help from a human", "human"],
  ["请人工客服联系我", "人工客服"],
  ["能帮我叫一下人工吗", "人工"],
  ["麻烦人工处理一下", "人工"],
  ["转人工客服", "人工客服"], // the longest keyword is reported
  ["不需要，我要人工", "人工"], // the negation ends with its clause
];

const NOT_TRANSFERS: string[] = [
  "客服你好", // the seed's false positive
  "你们客服电话多少",
  "人工智能怎么样",
  "你们的AI是人工智能吗",
  "退款多久到账",
  "退款到账了吗",
  "这个退款政策是什么",
  "怎么申请退款",
  "能退款吗",
  "我要退款，怎么操作？",
  "不需要人工",
  "我不要人工",
  "不用转人工了",
  "别转人工",
  "无需人工",
  "我不想转人工",
  "我不需要你帮我转人工",
  "我没说要人工",
  "你是真人吗",
  "是不是真人回复的",
  "你们是机器人还是人工",
  "人工费多少",
  "人工费用怎么算",
  "人工安装费多少",
  "人工审核要多久",
  "真人秀好看吗",
  "投诉电话是多少",
  "人工客服几点上班",
  "客服在吗",
  "Are you a human?",
  "I don't need an agent",
  "How long does a refund take?",
  "what is your complaint hotline number",
  "our human resources department",
  "不需要人工，谢谢",
  "人工客服电话多少",
  "机器人回答得不错，不用人工",
  "这个是人工做的吗",
  "人工智能客服靠谱吗",
  "Is this a human or a bot?",
];

describe("detectTransferRequest", () => {
  it.each(TRANSFERS)("transfers %s (%s)", (text, word) => {
    expect(detectTransferRequest(text, lists)?.word).toBe(word);
  });

  it.each(NOT_TRANSFERS)("does not transfer %s", (text) => {
    expect(detectTransferRequest(text, lists)).toBeNull();
  });

  it("reports the kind of keyword", () => {
    expect(detectTransferRequest("我要人工", lists)?.kind).toBe("person");
    expect(detectTransferRequest("转人工", lists)?.kind).toBe("action");
    expect(detectTransferRequest("我要退款", lists)?.kind).toBe("intent");
  });

  it("treats a tenant's person word (客服) as a name, not a request", () => {
    const withKefu = resolveRules([
      { type: "TRANSFER_KEYWORD", name: "kf", enabled: true, priority: 0, config: { words: ["客服"] } },
    ]).ruleSet.transfer;
    expect(detectTransferRequest("客服你好", withKefu)).toBeNull();
    expect(detectTransferRequest("你们客服电话多少", withKefu)).toBeNull();
    expect(detectTransferRequest("我要找客服", withKefu)?.word).toBe("客服");
  });

  it("honours tenant exclusions and plain action words", () => {
    const custom = resolveRules([
      {
        type: "TRANSFER_KEYWORD",
        name: "custom",
        enabled: true,
        priority: 0,
        config: { words: ["退货", "退款"], exclusions: ["退货运费"] },
      },
    ]).ruleSet.transfer;
    expect(detectTransferRequest("我要退货", custom)?.word).toBe("退货");
    expect(detectTransferRequest("退货运费谁出", custom)).toBeNull();
    // listed as a plain word, 退款 now transfers even in a question
    expect(detectTransferRequest("退款多久到账", custom)?.word).toBe("退款");
  });

  it("ignores empty input", () => {
    expect(detectTransferRequest("   ", lists)).toBeNull();
  });
});
