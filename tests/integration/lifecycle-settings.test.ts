import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { DEFAULT_LIFECYCLE_THRESHOLDS } from "../../server/services/lifecycle/lifecycle-settings";
import { caught, memberOf, ownerWithTenant } from "./helpers";

// lifecycle.settings / lifecycle.updateSettings: per-type thresholds in Tenant.settings.lifecycle,
// validated, audited, written without touching the other settings keys, and only by tenant.update.

describe("lifecycle settings", () => {
  it("starts from the defaults, saves one type, keeps the others and the other settings keys", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const tenantId = tenant.id;
    expect(await caller.lifecycle.settings({ tenantId })).toEqual(DEFAULT_LIFECYCLE_THRESHOLDS);
    await caller.supportSettings.update({ tenantId, sla: { warnAt: 0.5 } });

    const saved = await caller.lifecycle.updateSettings({
      tenantId,
      BUSINESS: { idle: 20, dormant: 60, expired: 180 },
    });
    expect(saved).toEqual({
      ...DEFAULT_LIFECYCLE_THRESHOLDS,
      BUSINESS: { idle: 20, dormant: 60, expired: 180 },
    });
    expect(await caller.lifecycle.settings({ tenantId })).toEqual(saved);
    expect((await caller.supportSettings.get({ tenantId })).sla.warnAt).toBe(0.5);

    const client = await db();
    const audit = await client.auditLog.findFirstOrThrow({
      where: { tenantId, action: "lifecycle_settings.updated" },
    });
    expect(audit.data).toEqual({ types: ["BUSINESS"] });
  });

  it("rejects thresholds out of order or out of range and changes nothing", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const tenantId = tenant.id;
    for (const CHAT of [
      { idle: 15, dormant: 5, expired: 30 },
      { idle: 5, dormant: 15, expired: 15 },
      { idle: 0, dormant: 15, expired: 30 },
      { idle: 5, dormant: 15, expired: 8 * 24 * 60 },
    ]) {
      const err = await caught(caller.lifecycle.updateSettings({ tenantId, CHAT }));
      expect(err.code).toBe("BAD_REQUEST");
    }
    expect(await caller.lifecycle.settings({ tenantId })).toEqual(DEFAULT_LIFECYCLE_THRESHOLDS);
  });

  it("a stored value that became invalid falls back to that type's default only", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const client = await db();
    await client.tenant.update({
      where: { id: tenant.id },
      data: {
        settings: {
          lifecycle: { CHAT: { idle: "soon" }, CONSULT: { idle: 2, dormant: 4, expired: 6 } },
        },
      },
    });
    expect(await caller.lifecycle.settings({ tenantId: tenant.id })).toEqual({
      ...DEFAULT_LIFECYCLE_THRESHOLDS,
      CONSULT: { idle: 2, dormant: 4, expired: 6 },
    });
  });

  it("agents and viewers read, only owners and admins write", async () => {
    const { tenant } = await ownerWithTenant();
    const tenantId = tenant.id;
    const viewer = await memberOf(tenantId, "VIEWER");
    const agent = await memberOf(tenantId, "AGENT");
    const admin = await memberOf(tenantId, "ADMIN");
    expect(await viewer.caller.lifecycle.settings({ tenantId })).toEqual(DEFAULT_LIFECYCLE_THRESHOLDS);
    const patch = { tenantId, CHAT: { idle: 2, dormant: 4, expired: 8 } };
    expect((await caught(viewer.caller.lifecycle.updateSettings(patch))).code).toBe("FORBIDDEN");
    expect((await caught(agent.caller.lifecycle.updateSettings(patch))).code).toBe("FORBIDDEN");
    expect((await admin.caller.lifecycle.updateSettings(patch)).CHAT).toEqual(patch.CHAT);
  });
});
