import { describe, expect, it } from "vitest";
import { evaluateRules, type TRuleInput } from "./evaluate-rules";
import { resolveRules } from "./resolve-rules";
import { type TRuleRow } from "./rule-schemas";

const OPEN = new Date("2025-11-10T03:00:00Z"); // Mon 11:00 Asia/Shanghai
const CLOSED = new Date("2025-11-14T12:00:00Z"); // Fri 20:00

const rule = (type: string, config: unknown): TRuleRow => ({
  type,
  name: type,
  enabled: true,
  priority: 0,
  config,
});

const { ruleSet } = resolveRules([
  rule("BLACKLIST", {
    contactIds: ["spammer"],
    names: ["廣告號"],
    phonePatterns: ["170*"],
    levels: ["BLACK"],
  }),
  rule("SENSITIVE_WORD", { words: ["傻瓜", "骗子"], mode: "mask" }),
  rule("SENSITIVE_WORD", { words: ["炸弹"], mode: "refuse" }),
  rule("FORBIDDEN_TOPIC", { words: ["保险"], template: "保险问题请致电 400-000-0000。" }),
  rule("GROUP_POLICY", { allowedGroupNames: ["VIP客户群", "测试群"] }),
]);

const input = (over: Partial<TRuleInput> = {}): TRuleInput => ({
  text: "请问KF-7A多少钱",
  contact: { id: "c1", name: "王先生", phone: "13800138000", level: "GRAY" },
  chat: { id: "c1", type: "private" },
  atMe: false,
  now: OPEN,
  language: "zh-CN",
  ...over,
});
const group = (atMe: boolean, name = "VIP客户群") => ({
  chat: { id: "g1", type: "group" as const, name },
  atMe,
});

describe("evaluateRules", () => {
  it("continues with an ordinary question", () => {
    expect(evaluateRules(ruleSet, input())).toEqual({
      kind: "continue",
      text: "请问KF-7A多少钱",
      masked: false,
      afterHours: false,
    });
  });

  it.each([
    ["contact id", { contact: { id: "spammer", name: "x" } }],
    ["name, traditional → simplified", { contact: { id: "c2", name: "广告号" } }],
    ["phone pattern with +86", { contact: { id: "c3", name: "x", phone: "+86 170-1234-5678" } }],
    ["customer level", { contact: { id: "c4", name: "x", level: "BLACK" as const } }],
  ])("ignores a blacklisted %s before anything else", (_label, over) => {
    const decision = evaluateRules(ruleSet, input({ ...over, text: "我要人工 炸弹" }));
    expect(decision).toMatchObject({ kind: "ignore", reason: "blacklist" });
  });

  it("answers in groups only when @-mentioned, and only in allowed groups", () => {
    expect(evaluateRules(ruleSet, input({ ...group(false) }))).toMatchObject({
      kind: "ignore",
      reason: "not_mentioned",
    });
    expect(evaluateRules(ruleSet, input({ ...group(true) })).kind).toBe("continue");
    expect(evaluateRules(ruleSet, input({ ...group(true, "闲聊群") }))).toMatchObject({
      kind: "ignore",
      reason: "group_not_allowed",
    });
    const open = resolveRules([rule("GROUP_POLICY", { mentionOnly: false })]).ruleSet;
    expect(evaluateRules(open, input({ ...group(false, "任意群") })).kind).toBe("continue");
  });

  it("refuses on a refusing sensitive word, even in a transfer request, and masks what it stores", () => {
    const d = evaluateRules(ruleSet, input({ text: "我要人工，不然放炸弹" }));
    expect(d).toEqual({
      kind: "refuse",
      matched: "炸弹",
      reply: ruleSet.templates["zh-CN"].refuse,
      text: "我要人工，不然放***",
      afterHours: false,
    });
  });

  it("transfers on a keyword with the transfer template in working hours", () => {
    expect(evaluateRules(ruleSet, input({ text: "@小助手\u2005我要人工", ...group(true) }))).toEqual({
      kind: "transfer",
      reason: "keyword",
      matched: "人工",
      reply: "正在为您转接人工客服，请稍候。",
      text: "@小助手\u2005我要人工",
      afterHours: false,
    });
  });

  it("turns a transfer after hours into a ticket reply naming the next opening", () => {
    const d = evaluateRules(ruleSet, input({ text: "我要投诉", now: CLOSED }));
    expect(d).toMatchObject({ kind: "transfer", reason: "keyword", afterHours: true });
    if (d.kind !== "transfer") throw new Error("expected a transfer");
    expect(d.nextOpening).toEqual(new Date("2025-11-17T01:00:00Z"));
    expect(d.reply).toBe("现在是非工作时间，您的问题已记录，我们会在11月17日周一 09:00后尽快联系您。");
    const en = evaluateRules(
      ruleSet,
      input({ text: "I want to talk to a human", now: CLOSED, language: "en" }),
    );
    expect(en).toMatchObject({ kind: "transfer", reply: expect.stringContaining("Mon, Nov 17, 09:00") });
  });

  it("transfers forbidden topics with the topic's own template or the default one", () => {
    expect(evaluateRules(ruleSet, input({ text: "这个保险怎么赔" }))).toMatchObject({
      kind: "transfer",
      reason: "forbidden_topic",
      matched: "保险",
      reply: "保险问题请致电 400-000-0000。",
    });
    expect(evaluateRules(ruleSet, input({ text: "合同能改吗", language: "en" }))).toMatchObject({
      kind: "transfer",
      reason: "forbidden_topic",
      matched: "合同",
      reply: ruleSet.templates.en.forbiddenTopic,
    });
  });

  it("checks transfer keywords before forbidden topics", () => {
    expect(evaluateRules(ruleSet, input({ text: "合同的事我要投诉" }))).toMatchObject({ reason: "keyword" });
  });

  it("masks sensitive words and reports it", () => {
    expect(evaluateRules(ruleSet, input({ text: "你們這些騙子，KF-7A到底多少钱" }))).toEqual({
      kind: "continue",
      text: "你們這些***，KF-7A到底多少钱",
      masked: true,
      afterHours: false,
    });
  });

  it("reports after hours on every kind of decision", () => {
    expect(evaluateRules(ruleSet, input({ now: CLOSED }))).toMatchObject({
      kind: "continue",
      afterHours: true,
    });
    expect(evaluateRules(ruleSet, input({ now: CLOSED, ...group(false) }))).toMatchObject({
      kind: "ignore",
      afterHours: true,
    });
  });

  it("does not transfer the seed's false positives", () => {
    for (const text of ["客服你好", "人工智能怎么样", "退款多久到账", "不需要人工"]) {
      expect(evaluateRules(ruleSet, input({ text })).kind).toBe("continue");
    }
  });
});
