import { describe, expect, it } from "vitest";
import { defaultRuleSet } from "./default-rules";
import { resolveRules } from "./resolve-rules";
import { RULE_CONFIG_SCHEMAS, type TRuleRow } from "./rule-schemas";

let n = 0;
const row = (type: string, config: unknown, extra: Partial<TRuleRow> = {}): TRuleRow => ({
  id: `r${++n}`,
  type,
  name: `${type} ${n}`,
  enabled: true,
  priority: 0,
  config,
  ...extra,
});

describe("resolveRules", () => {
  it("gives the defaults for a tenant without rules", () => {
    const { ruleSet, issues } = resolveRules([]);
    expect(issues).toEqual([]);
    expect(ruleSet).toEqual(defaultRuleSet());
    expect(ruleSet.transfer.words).toEqual(
      expect.arrayContaining(["人工", "真人", "转人工", "接人工", "投诉"]),
    );
    expect(ruleSet.transfer.intentWords).toContain("退款");
    expect(ruleSet.rateLimit).toEqual({
      perChat: { points: 20, seconds: 60 },
      perContact: { points: 1, seconds: 3 },
    });
    expect(ruleSet.groupPolicy.mentionOnly).toBe(true);
    expect(ruleSet.workingHours.timezone).toBe("Asia/Shanghai");
    expect(ruleSet.workingHours.schedule.mon).toEqual(["09:00-18:00"]);
    expect(ruleSet.workingHours.schedule.sat).toEqual([]);
    expect(ruleSet.forbiddenTopics[0].words).toEqual(expect.arrayContaining(["合同", "法律"]));
  });

  it("adds word lists across rows, normalised, on top of the defaults", () => {
    const { ruleSet } = resolveRules([
      row("BLACKLIST", { names: ["張三"], phonePatterns: ["170*"] }),
      row("BLACKLIST", { contactIds: ["c9"], names: ["李四"] }),
      row("TRANSFER_KEYWORD", { words: ["找經理"] }),
      row("SENSITIVE_WORD", { words: ["傻瓜"], mode: "mask" }),
      row("SENSITIVE_WORD", { words: ["炸弹", "傻瓜"], mode: "refuse" }),
      row("FORBIDDEN_TOPIC", { words: ["保险"], template: "保险问题请致电 400-000-0000。" }),
    ]);
    expect(ruleSet.blacklist).toMatchObject({
      names: ["张三", "李四"],
      contactIds: ["c9"],
      phonePatterns: ["170*"],
    });
    expect(ruleSet.transfer.words).toEqual(expect.arrayContaining(["人工", "找经理"]));
    expect(ruleSet.sensitive).toEqual({ refuse: ["炸弹", "傻瓜"], mask: [] });
    expect(ruleSet.forbiddenTopics).toHaveLength(2);
    expect(ruleSet.forbiddenTopics[0]).toEqual({
      words: ["保险"],
      template: "保险问题请致电 400-000-0000。",
    });
  });

  it("replaces default lists when a row asks to", () => {
    const { ruleSet } = resolveRules([
      row("TRANSFER_KEYWORD", { words: ["转人工"], replaceDefaults: true }),
      row("FORBIDDEN_TOPIC", { words: ["保险"], replaceDefaults: true }),
    ]);
    expect(ruleSet.transfer).toEqual({ words: ["转人工"], intentWords: [], exclusions: [] });
    expect(ruleSet.forbiddenTopics).toEqual([{ words: ["保险"], template: undefined }]);
  });

  it("takes the highest-priority single-valued rule and reports the others as shadowed", () => {
    const low = row("RATE_LIMIT", { perChat: { points: 5, seconds: 60 } }, { priority: 1 });
    const high = row("RATE_LIMIT", { perContact: null }, { priority: 10 });
    const { ruleSet, issues } = resolveRules([low, high]);
    expect(ruleSet.rateLimit).toEqual({ perChat: { points: 20, seconds: 60 }, perContact: null });
    expect(issues).toEqual([expect.objectContaining({ ruleId: low.id, reason: "shadowed" })]);
  });

  it("overrides templates key by key, the higher priority last", () => {
    const { ruleSet } = resolveRules([
      row("TEMPLATE", { "zh-CN": { transfer: "高优先级" } }, { priority: 5 }),
      row("TEMPLATE", { "zh-CN": { transfer: "低优先级", throttle: "慢点" }, en: { throttle: "Slow down" } }),
    ]);
    expect(ruleSet.templates["zh-CN"].transfer).toBe("高优先级");
    expect(ruleSet.templates["zh-CN"].throttle).toBe("慢点");
    expect(ruleSet.templates.en.throttle).toBe("Slow down");
    expect(ruleSet.templates["zh-CN"].greeting).toBe(defaultRuleSet().templates["zh-CN"].greeting);
  });

  it("skips disabled rows silently and bad rows with a report, never throwing", () => {
    const rows = [
      row("BLACKLIST", { contactIds: ["c1"] }, { enabled: false }),
      row("SENSITIVE_WORD", { words: [], mode: "mask" }),
      row("WORKING_HOURS", { timezone: "Nowhere/City" }),
      row("GROUP_POLICY", "not an object"),
      row("TEMPLATE", { fr: { greeting: "Bonjour" } }),
      row("RATE_LIMIT", { perChat: { points: -1, seconds: 60 } }),
      row("MAGIC", {}),
      row("BLACKLIST", null),
    ];
    const { ruleSet, issues } = resolveRules(rows);
    expect(ruleSet.blacklist.contactIds).toEqual([]);
    expect(ruleSet.workingHours.timezone).toBe("Asia/Shanghai");
    expect(issues.map((i) => [i.ruleId, i.reason])).toEqual([
      [rows[1].id, "invalid_config"],
      [rows[2].id, "invalid_config"],
      [rows[3].id, "invalid_config"],
      [rows[4].id, "invalid_config"],
      [rows[5].id, "invalid_config"],
      [rows[6].id, "unknown_type"],
    ]);
    expect(issues[1].message).toContain("timezone");
  });
});

describe("rule config schemas", () => {
  it.each([
    ["BLACKLIST", { phonePatterns: ["138****8000", "+86 170*"], levels: ["BLACK"] }, true],
    ["BLACKLIST", { phonePatterns: ["abc"] }, false],
    ["BLACKLIST", { levels: ["PURPLE"] }, false],
    ["TRANSFER_KEYWORD", { words: ["人工"], intentWords: ["退款"] }, true],
    ["TRANSFER_KEYWORD", { words: [""] }, false],
    ["SENSITIVE_WORD", { words: ["x"], mode: "delete" }, false],
    ["FORBIDDEN_TOPIC", { words: ["合同"] }, true],
    ["RATE_LIMIT", { perChat: { points: 1.5, seconds: 60 } }, false],
    ["GROUP_POLICY", { mentionOnly: false, allowedGroupNames: ["VIP客户群"] }, true],
    ["WORKING_HOURS", { schedule: { sat: ["22:00-02:00"] }, holidays: ["2025-10-01"] }, true],
    ["WORKING_HOURS", { afterHours: "ignore" }, false],
    ["TEMPLATE", { en: { greting: "Hi" } }, false],
  ] as const)("%s %j → valid %s", (type, config, ok) => {
    expect(RULE_CONFIG_SCHEMAS[type].safeParse(config).success).toBe(ok);
  });

  it("keeps the valid parts of a config with unknown keys", () => {
    expect(RULE_CONFIG_SCHEMAS.BLACKLIST.parse({ contactIds: ["a"], contactIdz: ["b"] }).contactIds).toEqual([
      "a",
    ]);
  });
});
