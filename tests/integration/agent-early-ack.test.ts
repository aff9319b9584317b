import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { wechatExternalId } from "../../server/services/devices/outbound";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { messageFrame, pairedDevice, RawAgent, startGateway, type TTestGateway } from "./gateway-helpers";
import { addProvider, modelJson, pipelineTenant } from "./pipeline-helpers";

// The ack means "durably stored", not "answered" (docs/agent-protocol.md §3): with a slow model the
// agent gets its ack while the model is still thinking, and the answer follows as a `send`.

const MODEL_DELAY_MS = 3000;

let gw: TTestGateway;
let vendor: TFakeVendor;

beforeAll(async () => {
  gw = await startGateway({ heartbeatIntervalSec: 30 });
  vendor = await startFakeVendor();
});
afterAll(async () => {
  await gw.stop();
  await vendor.close();
});

async function slowModelTenant() {
  const owner = await pipelineTenant();
  const tenantId = owner.tenant.id;
  await addProvider(tenantId, vendor, { model: "slow", position: 0, timeoutMs: MODEL_DELAY_MS * 4 });
  vendor.setBehaviour(behave.delay(MODEL_DELAY_MS, modelJson("KF-7A 是 7kW 的家用充电桩。", 0.95)), {
    model: "slow",
  });
  // every question goes to the model (no curated answer is given directly; the question below is a
  // paraphrase, as an exact match scores 1)
  const client = await db();
  await client.tenant.update({
    where: { id: tenantId },
    data: { settings: { retrieval: { directAnswerThreshold: 1 } } },
  });
  return tenantId;
}

describe("agent gateway: early ack", () => {
  it("acknowledges a stored message before the slow model answers, then sends the answer", async () => {
    const tenantId = await slowModelTenant();
    const d = await pairedDevice(tenantId);
    const agent = RawAgent.connect(gw.wsUrl, d.deviceToken);
    await agent.next((f) => f.type === "welcome");
    const m = messageFrame(randomUUID(), "KF-7A功率多少", "周先生");
    agent.send(m);

    const ack = await agent.next((f) => f.type === "ack" && f.id === m.id);
    expect(ack).toEqual({ type: "ack", id: m.id, status: "stored" });
    // at the ack the customer's message is in the database and the model has not answered yet:
    // no reply is stored and none was sent
    const client = await db();
    const inbound = await client.message.findUniqueOrThrow({
      where: { tenantId_externalId: { tenantId, externalId: wechatExternalId(d.deviceId, m.id) } },
    });
    expect(inbound).toMatchObject({ role: "CUSTOMER", content: "KF-7A功率多少" });
    expect(await client.message.count({ where: { replyToId: inbound.id } })).toBe(0);
    expect(agent.of("send")).toHaveLength(0);

    const send = await agent.next((f) => f.type === "send" && f.replyTo === m.id, 0, MODEL_DELAY_MS * 4);
    expect(send.text).toContain("7kW");
    expect(agent.frames.findIndex((f) => f.type === "ack")).toBeLessThan(agent.frames.indexOf(send));
    expect(vendor.requests.filter((r) => r.model === "slow")).toHaveLength(1);
    // exactly one ack for the message, even though the pipeline finished afterwards
    expect(agent.of("ack").filter((f) => f.id === m.id)).toHaveLength(1);

    // a replay while nothing is pending is a duplicate, answered at once and not sent to the model again
    agent.send(m);
    await agent.waitFor(() => agent.of("ack").filter((f) => f.id === m.id).length === 2);
    expect(agent.of("ack").filter((f) => f.id === m.id)[1].status).toBe("duplicate");
    expect(vendor.requests.filter((r) => r.model === "slow")).toHaveLength(1);
    agent.close();
  });
});
