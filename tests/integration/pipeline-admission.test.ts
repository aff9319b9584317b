import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import {
  ANSWER_SLOTS,
  answerSlots,
  processIncomingMessage,
} from "../../server/services/pipeline/process-message";
import { invalidateTenantConfig } from "../../server/services/tenant-config/invalidate";
import { behave, startFakeVendor, type TFakeVendor } from "../fakes/fake-llm-vendor";
import { uniq } from "./helpers";
import { addProvider, modelJson, pipelineTenant } from "./pipeline-helpers";

// Admission in the pipeline (process-message.ts): a burst of messages is stored at once, while at most
// a few are answered at a time — not counting the wait for the model, which holds no slot; a message
// that waited for its turn answers from the conversation as it is then (an agent who took over
// meanwhile is not talked over).

let vendor: TFakeVendor;
beforeAll(async () => {
  vendor = await startFakeVendor();
});
afterAll(async () => {
  await vendor.close();
});

async function slowModelTenant(delayMs: number) {
  const { tenant } = await pipelineTenant();
  await addProvider(tenant.id, vendor, { model: `slow-${uniq()}`, position: 0, timeoutMs: 10_000 });
  const client = await db();
  // every question goes to the model
  await client.tenant.update({
    where: { id: tenant.id },
    data: { settings: { retrieval: { directAnswerThreshold: 1 } } },
  });
  await invalidateTenantConfig(tenant.id); // the import above cached the tenant's settings
  vendor.reset();
  vendor.setBehaviour(behave.delay(delayMs, modelJson("KF-7A 为 7kW 单相交流充电桩。", 0.95)));
  return tenant;
}

const ask = (tenantId: string, contact: string, onStored?: () => void) =>
  processIncomingMessage(
    { tenantId, channel: "API", contact: { externalId: contact }, text: "KF-7A功率多少" },
    { onStored },
  );

describe("pipeline admission", () => {
  it("stores a whole burst at once, and the model's slowness does not hold the answering slots", async () => {
    const tenant = await slowModelTenant(600);
    let stored = 0;
    const answers = Array.from({ length: 9 }, (_, i) =>
      ask(tenant.id, `burst-${i}-${uniq()}`, () => stored++),
    );
    await Promise.race(answers);
    // every message was stored before the first answer came back …
    expect(stored).toBe(9);
    // … and all nine questions were with the model at once (three slots, nine calls in flight)
    expect(vendor.requests.length).toBe(9);
    const results = await Promise.all(answers);
    expect(results.map((r) => r.action)).toEqual(Array(9).fill("reply"));
    expect(vendor.requests.length).toBe(9);
  });

  it("does not answer over an agent who took the conversation while the message waited", async () => {
    const tenant = await slowModelTenant(800);
    const contact = `waiting-${uniq()}`;
    const first = await ask(tenant.id, contact);
    expect(first).toMatchObject({ action: "reply", reason: "generated" });
    // other work holds every answering slot
    let free!: () => void;
    const gate = new Promise<void>((r) => (free = r));
    const busy = Array.from({ length: ANSWER_SLOTS }, () => answerSlots.run(() => gate));
    let storedAt = 0;
    const waiting = ask(tenant.id, contact, () => (storedAt = Date.now()));
    await expect.poll(() => storedAt).toBeGreaterThan(0);
    const client = await db();
    await client.conversation.updateMany({
      where: { id: first.conversationId, tenantId: tenant.id },
      data: { status: "HUMAN" },
    });
    free();
    const r = await waiting;
    expect(r).toMatchObject({ action: "ignore", reason: "human_mode", conversationId: first.conversationId });
    await Promise.all(busy);
    const bots = await client.message.count({
      where: { conversationId: first.conversationId, role: "BOT" },
    });
    expect(bots).toBe(1); // the first answer only
  });
});
