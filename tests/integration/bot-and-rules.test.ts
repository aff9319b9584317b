import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { loadBotSettings } from "../../server/services/bot/bot-settings";
import { loadRuleSet } from "../../server/services/rules/manage-rules";
import { caught, memberOf, ownerWithTenant } from "./helpers";

describe("bot settings", () => {
  it("merges into Tenant.settings.bot and keeps the other settings", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const client = await db();
    await client.tenant.update({
      where: { id: t },
      data: { settings: { retrieval: { vectorWeight: 2 }, widget: { color: "#123456" } } },
    });
    const initial = await caller.bot.get({ tenantId: t });
    expect(initial).toMatchObject({ botName: "小客", replyThreshold: 0.75, clarifyThreshold: 0.55 });

    const saved = await caller.bot.update({ tenantId: t, botName: "小美", replyThreshold: 0.8 });
    expect(saved).toMatchObject({ botName: "小美", replyThreshold: 0.8, clarifyThreshold: 0.55 });
    await caller.bot.update({ tenantId: t, persona: "你是凯丰充电的客服。" });
    expect(await loadBotSettings(t)).toMatchObject({ botName: "小美", persona: "你是凯丰充电的客服。" });
    const row = await client.tenant.findUniqueOrThrow({ where: { id: t }, select: { settings: true } });
    expect(row.settings).toMatchObject({
      retrieval: { vectorWeight: 2 },
      widget: { color: "#123456" },
      bot: { botName: "小美", replyThreshold: 0.8 },
    });

    // clarify above reply is refused on the merged values
    const bad = await caught(caller.bot.update({ tenantId: t, clarifyThreshold: 0.9 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((bad.cause as { field?: string }).field).toBe("clarifyThreshold");
    expect((await caught(caller.bot.update({ tenantId: t, replyThreshold: 1.5 }))).code).toBe("BAD_REQUEST");

    const viewer = await memberOf(t, "VIEWER");
    expect((await viewer.caller.bot.get({ tenantId: t })).botName).toBe("小美");
    expect((await caught(viewer.caller.bot.update({ tenantId: t, botName: "x" }))).code).toBe("FORBIDDEN");
    expect(await client.auditLog.count({ where: { tenantId: t, action: "bot.updated" } })).toBe(2);
  });
});

describe("rules", () => {
  it("creates, validates, updates, enables and deletes rows; lists the effective set", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const empty = await caller.rules.list({ tenantId: t });
    expect(empty.rules).toEqual([]);
    expect(empty.effective.transfer.words).toContain("转人工");
    expect(empty.effective.rateLimit.perChat).toEqual({ points: 20, seconds: 60 });

    const transfer = await caller.rules.create({
      tenantId: t,
      type: "TRANSFER_KEYWORD",
      name: "经理",
      config: { words: ["找经理", " 店长 "] },
    });
    expect(transfer.config).toMatchObject({ words: ["找经理", "店长"], replaceDefaults: false });
    const sensitive = await caller.rules.create({
      tenantId: t,
      type: "SENSITIVE_WORD",
      name: "脏话",
      config: { words: ["傻瓜"], mode: "refuse" },
    });
    const invalid = await caught(
      caller.rules.create({
        tenantId: t,
        type: "RATE_LIMIT",
        name: "限流",
        config: { perChat: { points: 0, seconds: 60 } },
      }),
    );
    expect(invalid.code).toBe("BAD_REQUEST");
    expect((invalid.cause as { field?: string }).field).toBe("config.perChat.points");
    const badHours = await caught(
      caller.rules.create({
        tenantId: t,
        type: "WORKING_HOURS",
        name: "营业时间",
        config: { schedule: { mon: ["9-18"] } },
      }),
    );
    expect((badHours.cause as { field?: string }).field).toBe("config.schedule.mon.0");
    const hours = await caller.rules.create({
      tenantId: t,
      type: "WORKING_HOURS",
      name: "营业时间",
      config: { timezone: "Asia/Shanghai", extraWorkdays: ["2026-02-14"], holidays: ["2026-02-17"] },
    });
    // stored as written (bare dates stay bare), with defaults filled in
    expect(hours.config).toMatchObject({ extraWorkdays: ["2026-02-14"], holidays: ["2026-02-17"] });

    const listed = await caller.rules.list({ tenantId: t });
    expect(listed.rules).toHaveLength(3);
    expect(listed.effective.transfer.words).toEqual(expect.arrayContaining(["找经理", "店长", "转人工"]));
    expect(listed.effective.sensitive.refuse).toEqual(["傻瓜"]);

    await caller.rules.update({
      tenantId: t,
      ruleId: sensitive.id,
      config: { words: ["傻瓜", "笨蛋"], mode: "mask" },
    });
    expect((await loadRuleSet(t)).ruleSet.sensitive.mask).toEqual(["傻瓜", "笨蛋"]);
    const badUpdate = await caught(
      caller.rules.update({ tenantId: t, ruleId: sensitive.id, config: { words: [] } }),
    );
    expect((badUpdate.cause as { field?: string }).field).toBe("config.words");
    await caller.rules.setEnabled({ tenantId: t, ruleId: transfer.id, enabled: false });
    expect((await loadRuleSet(t)).ruleSet.transfer.words).not.toContain("店长");
    await caller.rules.delete({ tenantId: t, ruleId: transfer.id });
    expect((await caller.rules.list({ tenantId: t })).rules).toHaveLength(2);
    expect((await caught(caller.rules.delete({ tenantId: t, ruleId: transfer.id }))).code).toBe("NOT_FOUND");

    // a second single-valued row is reported as shadowed
    await caller.rules.create({ tenantId: t, type: "WORKING_HOURS", name: "备用", priority: -1, config: {} });
    const issues = (await caller.rules.list({ tenantId: t })).issues;
    expect(issues).toEqual([expect.objectContaining({ name: "备用", reason: "shadowed" })]);

    const client = await db();
    const actions = (await client.auditLog.findMany({ where: { tenantId: t, targetType: "rule" } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(
      [
        "rule.created",
        "rule.created",
        "rule.created",
        "rule.created",
        "rule.updated",
        "rule.disabled",
        "rule.deleted",
      ].sort(),
    );
  });

  it("previews the decision for a sample message", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const t = tenant.id;
    const monday10 = new Date("2026-03-02T02:00:00Z"); // 10:00 in Shanghai
    const sunday = new Date("2026-03-01T02:00:00Z");
    const preview = (text: string, more: Record<string, unknown> = {}) =>
      caller.rules.preview({ tenantId: t, text, at: monday10, ...more }).then((r) => r.decision);

    expect(await preview("你好，请问怎么退货？")).toMatchObject({ kind: "continue", afterHours: false });
    expect(await preview("转人工")).toMatchObject({ kind: "transfer", reason: "keyword", matched: "转人工" });
    expect(await preview("合同怎么签")).toMatchObject({ kind: "transfer", reason: "forbidden_topic" });
    expect(await preview("转人工", { at: sunday })).toMatchObject({ kind: "transfer", afterHours: true });
    expect(await preview("你好", { chatType: "group", atMe: false })).toMatchObject({
      kind: "ignore",
      reason: "not_mentioned",
    });
    expect(await preview("你好", { chatType: "group", atMe: true })).toMatchObject({ kind: "continue" });

    await caller.rules.create({
      tenantId: t,
      type: "SENSITIVE_WORD",
      name: "屏蔽",
      config: { words: ["傻瓜"], mode: "mask" },
    });
    await caller.rules.create({
      tenantId: t,
      type: "GROUP_POLICY",
      name: "群聊",
      config: { mentionOnly: false },
    });
    expect(await preview("你这个傻瓜")).toMatchObject({
      kind: "continue",
      masked: true,
      text: expect.not.stringContaining("傻瓜"),
    });
    expect(await preview("你好", { chatType: "group" })).toMatchObject({ kind: "continue" });
    expect((await preview("human please", { language: "en" })) as { reply?: string }).toMatchObject({
      kind: "transfer",
      reply: expect.stringContaining("human agent"),
    });
    expect((await caught(caller.rules.preview({ tenantId: t, text: "  " }))).code).toBe("BAD_REQUEST");
  });

  it("only owners and admins manage rules", async () => {
    const { tenant } = await ownerWithTenant();
    const t = tenant.id;
    for (const role of ["AGENT", "VIEWER", "REVIEWER"] as const) {
      const m = await memberOf(t, role);
      expect((await caught(m.caller.rules.list({ tenantId: t }))).code).toBe("FORBIDDEN");
      expect(
        (await caught(m.caller.rules.create({ tenantId: t, type: "GROUP_POLICY", name: "x", config: {} })))
          .code,
      ).toBe("FORBIDDEN");
      expect((await caught(m.caller.rules.preview({ tenantId: t, text: "x" }))).code).toBe("FORBIDDEN");
    }
    const admin = await memberOf(t, "ADMIN");
    await admin.caller.rules.create({ tenantId: t, type: "GROUP_POLICY", name: "群", config: {} });
  });
});
