import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { loadBotSettings } from "../../server/services/bot/bot-settings";
import { DEFAULT_WIDGET_SETTINGS, loadWidgetSettings } from "../../server/services/widget/widget-settings";
import { caught, memberOf, ownerWithTenant } from "./helpers";

// The widget settings procedures: defaults, validation of colours and origins, writes that keep the
// tenant's other settings, the audit trail, permissions, and tolerance of bad stored values.

describe("widgetSettings router", () => {
  it("reads defaults and saves a validated, normalised patch without touching other settings", async () => {
    const { tenant, caller } = await ownerWithTenant();
    await caller.bot.update({ tenantId: tenant.id, botName: "小助手" });
    const initial = await caller.widgetSettings.get({ tenantId: tenant.id });
    expect(initial).toEqual({ settings: DEFAULT_WIDGET_SETTINGS, publicUrl: "http://kefu.test" });

    const saved = await caller.widgetSettings.update({
      tenantId: tenant.id,
      color: "#10B981",
      position: "left",
      theme: "dark",
      title: { "zh-CN": "小店客服", en: "Shop help" },
      allowedOrigins: ["https://Shop.Example.com/", "http://localhost:8080", "https://shop.example.com"],
    });
    expect(saved.settings).toMatchObject({
      color: "#10b981",
      position: "left",
      theme: "dark",
      title: { "zh-CN": "小店客服", en: "Shop help" },
      welcome: DEFAULT_WIDGET_SETTINGS.welcome,
      allowedOrigins: ["https://shop.example.com", "http://localhost:8080"],
    });
    expect(await loadWidgetSettings(tenant.id)).toEqual(saved.settings);
    expect((await loadBotSettings(tenant.id)).botName).toBe("小助手"); // jsonb_set of one key only

    await caller.widgetSettings.update({ tenantId: tenant.id, handoffButton: false });
    const after = await caller.widgetSettings.get({ tenantId: tenant.id });
    expect(after.settings).toMatchObject({ handoffButton: false, color: "#10b981" });

    const client = await db();
    const audit = await client.auditLog.findMany({
      where: { tenantId: tenant.id, action: "widget.updated" },
    });
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.data)).toContainEqual({ fields: ["handoffButton"] });
  });

  it("refuses bad colours, origins and texts with clear errors", async () => {
    const { tenant, caller } = await ownerWithTenant();
    const bad = [
      { color: "blue" },
      { allowedOrigins: ["https://shop.example.com/checkout"] },
      { allowedOrigins: ["shop.example.com"] },
      { allowedOrigins: ["https://*.example.com"] },
      { allowedOrigins: ["ftp://shop.example.com"] },
      { title: { "zh-CN": "", en: "Help" } },
      { welcome: { "zh-CN": "好", en: "x".repeat(301) } },
    ];
    for (const patch of bad) {
      const err = await caught(caller.widgetSettings.update({ tenantId: tenant.id, ...patch }));
      expect(err.code, JSON.stringify(patch)).toBe("BAD_REQUEST");
    }
    const origin = await caught(
      caller.widgetSettings.update({ tenantId: tenant.id, allowedOrigins: ["https://shop.example.com/x"] }),
    );
    expect(origin.message).toContain("is not an origin");
    expect((await caller.widgetSettings.get({ tenantId: tenant.id })).settings).toEqual(
      DEFAULT_WIDGET_SETTINGS,
    );
  });

  it("lets members read but only admins change the widget", async () => {
    const { tenant } = await ownerWithTenant();
    for (const role of ["VIEWER", "AGENT", "REVIEWER"] as const) {
      const { caller } = await memberOf(tenant.id, role);
      expect((await caller.widgetSettings.get({ tenantId: tenant.id })).settings.enabled).toBe(true);
      const err = await caught(caller.widgetSettings.update({ tenantId: tenant.id, enabled: false }));
      expect(err.code).toBe("FORBIDDEN");
    }
    const admin = await memberOf(tenant.id, "ADMIN");
    await admin.caller.widgetSettings.update({ tenantId: tenant.id, enabled: false });
    expect((await loadWidgetSettings(tenant.id)).enabled).toBe(false);
  });

  it("falls back field by field when the stored JSON is damaged", async () => {
    const { tenant } = await ownerWithTenant();
    const client = await db();
    await client.tenant.update({
      where: { id: tenant.id },
      data: {
        settings: {
          widget: {
            color: "red",
            position: "top",
            title: { en: "only English" },
            allowedOrigins: ["https://ok.example.com", "not an origin", 42],
            handoffButton: false,
          },
        },
      },
    });
    const s = await loadWidgetSettings(tenant.id);
    expect(s).toEqual({
      ...DEFAULT_WIDGET_SETTINGS,
      allowedOrigins: ["https://ok.example.com"], // the valid entries keep protecting the tenant
      handoffButton: false,
    });
  });
});
