import { describe, expect, it } from "vitest";
import { defaultRuleSet } from "./default-rules";
import { resolveRules } from "./resolve-rules";
import { TEMPLATE_KEYS } from "./rule-schemas";
import { renderTemplate, resolveLanguage } from "./templates";

const rules = defaultRuleSet();

describe("renderTemplate", () => {
  it("fills placeholders in the customer's language", () => {
    expect(renderTemplate(rules, "humanJoined", "zh-CN", { name: "小王" })).toBe(
      "客服【小王】已接入，请问有什么可以帮您？",
    );
    expect(renderTemplate(rules, "humanJoined", "en-US", { name: "Amy" })).toContain("Agent Amy has joined");
  });

  it.each([
    ["zh", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["EN", "en"],
    ["en-GB", "en"],
    ["fr", "zh-CN"],
    ["", "zh-CN"],
  ] as const)("resolves language %s → %s", (tag, lang) => {
    expect(resolveLanguage(tag)).toBe(lang);
  });

  it("treats values as plain text: one pass, control characters removed, length capped", () => {
    expect(renderTemplate(rules, "humanJoined", "zh-CN", { name: "{name}" })).toContain("【{name}】");
    expect(renderTemplate(rules, "humanJoined", "zh-CN", { name: "小\u0000王\u202e" })).toContain("【小王】");
    expect(renderTemplate(rules, "humanJoined", "zh-CN", { name: "<b>王</b>" })).toContain("【<b>王</b>】");
    const long = renderTemplate(rules, "humanJoined", "zh-CN", { name: "长".repeat(500) });
    expect(long.length).toBeLessThan(300);
  });

  it("leaves a placeholder without a value visible", () => {
    expect(renderTemplate(rules, "humanJoined", "zh-CN")).toContain("{name}");
  });

  it("has every template in both languages", () => {
    for (const key of TEMPLATE_KEYS) {
      expect(renderTemplate(rules, key, "zh-CN").length).toBeGreaterThan(0);
      expect(renderTemplate(rules, key, "en").length).toBeGreaterThan(0);
    }
  });

  it("uses a tenant's templates over the defaults", () => {
    const { ruleSet } = resolveRules([
      {
        type: "TEMPLATE",
        name: "ours",
        enabled: true,
        priority: 0,
        config: { "zh-CN": { greeting: "欢迎光临{shop}！" } },
      },
    ]);
    expect(renderTemplate(ruleSet, "greeting", "zh-CN", { shop: "小鹏充电" })).toBe("欢迎光临小鹏充电！");
    expect(renderTemplate(ruleSet, "greeting", "en")).toBe(rules.templates.en.greeting);
  });
});
