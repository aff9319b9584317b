import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DeviceRevokedError } from "../../agent/core/connection";
import { startAgent, tempAgentDir } from "../../agent/test-support/agent-harness";
import { db } from "../../server/db/client";
import { RedisDeviceBus } from "../../server/gateway/device-bus";
import { deliverPendingForConversation, wechatExternalId } from "../../server/services/devices/outbound";
import { revokeDevice, setDevicePaused } from "../../server/services/devices/manage-devices";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { pairedDevice, startGateway, type TTestGateway } from "./gateway-helpers";
import { pipelineTenant } from "./pipeline-helpers";

// Two gateway instances in one process, each with its own Redis pub/sub connections to the real
// Redis (REDIS_URL, default 127.0.0.1:6379): what instance B produces reaches the agent held by A.

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const gateways: TTestGateway[] = [];
afterAll(async () => {
  for (const g of gateways) {
    await g.stop().catch(() => {});
    await g.gateway.bus.close();
  }
});

async function until<T>(
  check: () => Promise<T | null | false> | T | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("cross-instance delivery through Redis", () => {
  it("delivers replies, commands and revocation produced on B to the agent connected to A", async () => {
    const a = await startGateway({ bus: new RedisDeviceBus(REDIS_URL) });
    const b = await startGateway({ bus: new RedisDeviceBus(REDIS_URL) });
    gateways.push(a, b);
    const owner = await pipelineTenant();
    const tenantId = owner.tenant.id;
    const device = await pairedDevice(tenantId);
    const h = startAgent(a.wsUrl, tempAgentDir(), device.deviceToken);
    await until(() => a.gateway.connectionCount === 1);
    // presence is visible from B
    await until(async () => (await b.gateway.bus.connectedDevices([device.deviceId])).has(device.deviceId));
    expect(b.gateway.connectionCount).toBe(0);

    // a customer message processed on B (e.g. its socket there closed mid-answer), delivered via Redis
    const clientId = randomUUID();
    const result = await processIncomingMessage({
      tenantId,
      channel: "WECHAT",
      externalId: wechatExternalId(device.deviceId, clientId),
      deviceId: device.deviceId,
      contact: { externalId: "赵女士", name: "赵女士" },
      chat: { id: "赵女士", name: "赵女士", type: "private" },
      text: "怎么开发票？",
      atMe: false,
    });
    expect(result.replyMessageId).toBeTruthy();
    expect(await deliverPendingForConversation(tenantId, result.conversationId, b.gateway.bus)).toBe(1);
    await until(() => h.driver.sent.length === 1);
    expect(h.driver.sent[0]).toMatchObject({
      chat: { id: "赵女士" },
      text: expect.stringContaining("申请开票"),
    });
    const client = await db();
    await until(
      async () =>
        (await client.message.findUniqueOrThrow({ where: { id: result.replyMessageId! } })).deliveryStatus ===
        "SENT",
    );

    // a human agent's reply, published from B
    const human = await client.message.create({
      data: {
        tenantId,
        conversationId: result.conversationId,
        role: "AGENT",
        content: "人工客服已接入",
        deliveryStatus: "PENDING",
      },
    });
    await deliverPendingForConversation(tenantId, result.conversationId, b.gateway.bus);
    await until(() => h.driver.sent.length === 2);
    expect(h.driver.sent[1].text).toBe("人工客服已接入");
    await until(
      async () =>
        (await client.message.findUniqueOrThrow({ where: { id: human.id } })).deliveryStatus === "SENT",
    );

    // commands and revocation from B
    const actor = { actorId: owner.user.id, actorEmail: "owner@example.com", ip: null };
    await setDevicePaused(tenantId, actor, device.deviceId, true, b.gateway.bus);
    await until(() => h.agent.isPaused);
    await setDevicePaused(tenantId, actor, device.deviceId, false, b.gateway.bus);
    await until(() => !h.agent.isPaused);
    await revokeDevice(tenantId, actor, device.deviceId, b.gateway.bus);
    await expect(h.running).rejects.toBeInstanceOf(DeviceRevokedError);
    await until(async () => !(await b.gateway.bus.connectedDevices([device.deviceId])).has(device.deviceId));
  });
});
