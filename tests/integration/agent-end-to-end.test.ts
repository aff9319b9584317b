import { afterAll, describe, expect, it } from "vitest";
import { DeviceRevokedError } from "../../agent/core/connection";
import { pairDevice } from "../../agent/core/pairing";
import { startAgent, tempAgentDir, type TAgentHarness } from "../../agent/test-support/agent-harness";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { startGateway, type TTestGateway } from "./gateway-helpers";
import { pipelineTenant } from "./pipeline-helpers";

// The real agent core (agent/core/agent.ts, simulated WeChat driver) against the real gateway, pairing
// route, pipeline and database: pair → message → reply typed into WeChat; the gateway restarted in the
// middle of traffic → the agent queues and replays, nothing lost, nothing processed or typed twice.

// without PUBLIC_URL the pairing answer points the agent at the address it used
delete process.env.PUBLIC_URL;
reloadEnv();

const gateways: TTestGateway[] = [];
const agents: TAgentHarness[] = [];
afterAll(async () => {
  for (const a of agents) await a.agent.stop().catch(() => {});
  for (const g of gateways) await g.stop().catch(() => {});
});

async function until<T>(
  check: () => Promise<T | null | false> | T | null | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("real agent ↔ real gateway", () => {
  it("pairs, answers a customer in WeChat, survives a gateway restart, and stops when revoked", async () => {
    const owner = await pipelineTenant();
    const tenantId = owner.tenant.id;
    let gw = await startGateway();
    gateways.push(gw);
    const { code } = await owner.caller.devices.createPairingCode({ tenantId });
    const paired = await pairDevice(gw.url, {
      code,
      deviceName: "前台电脑",
      platform: "linux",
      agentVersion: "test",
    });
    expect(paired).toMatchObject({ tenantId, wsUrl: gw.wsUrl });

    const h = startAgent(paired.wsUrl, tempAgentDir(), paired.deviceToken);
    agents.push(h);
    const listed = async () => (await owner.caller.devices.list({ tenantId }))[0];
    await until(async () => (await listed()).online);
    expect(await listed()).toMatchObject({ wechatState: "READY", agentVersion: "test", online: true });

    h.driver.inject({ text: "退款多久到账？", chatName: "王女士" });
    await until(() => h.driver.sent.length === 1);
    expect(h.driver.sent[0].chat).toEqual({ id: "王女士", name: "王女士", type: "private" });
    expect(h.driver.sent[0].text).toContain("1-3 个工作日");
    const client = await db();
    await until(
      async () =>
        (await client.message.count({ where: { tenantId, role: "BOT", deliveryStatus: "SENT" } })) === 1,
    );

    // traffic in 8 chats; the gateway goes down after the first 3 and comes back on the same port
    const questions = ["退款多久到账？", "怎么开发票？", "下单后多久发货？", "KF-7A 的功率是多少？"];
    const inject = (i: number) =>
      h.driver.inject({ text: `${questions[i % 4]} (${i})`, chatName: `客户${i}` });
    for (let i = 0; i < 3; i++) inject(i);
    await gw.stop();
    for (let i = 3; i < 8; i++) inject(i);
    await until(() => h.queue.pendingCount >= 5);
    gw = await startGateway({}, gw.port);
    gateways.push(gw);

    await until(() => h.queue.pendingCount === 0 && h.driver.sent.length === 9, 30_000);
    await until(
      async () =>
        (await client.message.count({ where: { tenantId, role: "BOT", deliveryStatus: "SENT" } })) === 9,
    );
    expect(await client.message.count({ where: { tenantId, role: "CUSTOMER" } })).toBe(9);
    expect(await client.message.count({ where: { tenantId, role: "BOT" } })).toBe(9);
    const perChat = new Map<string, number>();
    for (const s of h.driver.sent) perChat.set(s.chat.id, (perChat.get(s.chat.id) ?? 0) + 1);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(perChat.size).toBe(9);

    // pause from the dashboard reaches the agent; revocation stops it for good
    await owner.caller.devices.setPaused({ tenantId, deviceId: paired.deviceId, paused: true });
    await until(() => h.agent.isPaused);
    await owner.caller.devices.setPaused({ tenantId, deviceId: paired.deviceId, paused: false });
    await until(() => !h.agent.isPaused);
    await owner.caller.devices.revoke({ tenantId, deviceId: paired.deviceId });
    await expect(h.running).rejects.toBeInstanceOf(DeviceRevokedError);
  });
});
