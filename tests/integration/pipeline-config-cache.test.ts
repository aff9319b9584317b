import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import {
  onTenantConfigChanged,
  invalidateTenantConfig,
} from "../../server/services/tenant-config/invalidate";
import { uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// The pipeline keeps a tenant's settings, rules and providers per process (pipeline/config-cache.ts).
// A save through the services must reach the very next message; a write that bypasses them is seen
// after an explicit invalidation (or the short TTL, not tested: no timing in tests).

const ask = (tenantId: string, text: string) =>
  processIncomingMessage({ tenantId, channel: "API", contact: { externalId: `c-${uniq()}` }, text });

describe("pipeline config cache", () => {
  it("a rule saved through the service applies to the next message at once", async () => {
    const { tenant, caller } = await pipelineTenant();
    expect((await ask(tenant.id, "我要找经理谈谈")).reason).not.toBe("keyword");
    const rule = await caller.rules.create({
      tenantId: tenant.id,
      type: "TRANSFER_KEYWORD",
      name: "经理",
      config: { words: ["找经理"] },
    });
    expect(await ask(tenant.id, "我要找经理谈谈")).toMatchObject({ action: "transfer", reason: "keyword" });
    await caller.rules.setEnabled({ tenantId: tenant.id, ruleId: rule.id, enabled: false });
    expect((await ask(tenant.id, "我要找经理谈谈")).reason).not.toBe("keyword");
  });

  it("bot and support settings saved through the services apply at once", async () => {
    const { tenant, caller } = await pipelineTenant();
    const client = await db();
    const vip = await client.contact.create({
      data: { tenantId: tenant.id, channel: "API", externalId: `vip-${uniq()}`, vip: true },
    });
    const askVip = () =>
      processIncomingMessage({
        tenantId: tenant.id,
        channel: "API",
        contact: { externalId: vip.externalId },
        text: "退款多久到账？",
      });
    expect(await askVip()).toMatchObject({ action: "transfer", reason: "vip" });
    // the human hands back, and VIPs no longer skip the bot
    await client.conversation.updateMany({ where: { tenantId: tenant.id }, data: { status: "CLOSED" } });
    await caller.supportSettings.update({ tenantId: tenant.id, vipDirectToHuman: false });
    expect((await askVip()).reason).not.toBe("vip");
  });

  it("a direct database write is picked up after an invalidation, which reaches every listener", async () => {
    const { tenant } = await pipelineTenant();
    const seen: string[] = [];
    onTenantConfigChanged((id) => seen.push(id));
    expect((await ask(tenant.id, "我要找经理谈谈")).reason).not.toBe("keyword");
    const client = await db();
    await client.rule.create({
      data: { tenantId: tenant.id, type: "TRANSFER_KEYWORD", name: "经理", config: { words: ["找经理"] } },
    });
    await invalidateTenantConfig(tenant.id);
    expect(seen).toContain(tenant.id);
    expect((await ask(tenant.id, "我要找经理谈谈")).reason).toBe("keyword");
  });
});
