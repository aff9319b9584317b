import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { RedisTopicBus, topicBus } from "../../server/realtime/topic-bus";
import { processIncomingMessage } from "../../server/services/pipeline/process-message";
import { invalidateTenantConfig } from "../../server/services/tenant-config/invalidate";
import { uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// Two instances share Redis: a configuration save on one drops the pipeline's cached copy on the
// other. This process is instance A (its default topic bus is Redis); instance B is a second Redis
// connection publishing and listening as another server's bus would.

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
let b: RedisTopicBus;

beforeAll(() => {
  process.env.REDIS_URL = REDIS_URL;
  reloadEnv();
  b = new RedisTopicBus(REDIS_URL);
});
afterAll(async () => {
  await b.close();
  await topicBus().close();
});

const ask = (tenantId: string, text: string) =>
  processIncomingMessage({ tenantId, channel: "API", contact: { externalId: `c-${uniq()}` }, text });

/** Resolves with the first payload B receives on the topic. */
async function nextOnB(topic: string): Promise<unknown> {
  let stop: (() => Promise<void>) | undefined;
  const received = new Promise<unknown>((resolve) => {
    void b.subscribe(topic, resolve).then((s) => (stop = s));
  });
  const payload = await received;
  await stop?.();
  return payload;
}

describe("pipeline config cache across instances", () => {
  it("an invalidation published by another instance drops this instance's copy", async () => {
    expect(topicBus()).toBeInstanceOf(RedisTopicBus);
    const { tenant } = await pipelineTenant();
    expect((await ask(tenant.id, "我要找经理谈谈")).reason).not.toBe("keyword"); // cached now
    const client = await db();
    // instance B saves a rule (its own write), then publishes the invalidation
    await client.rule.create({
      data: { tenantId: tenant.id, type: "TRANSFER_KEYWORD", name: "经理", config: { words: ["找经理"] } },
    });
    // Redis delivers asynchronously: wait for the message to arrive here (no clock involved)
    const arrived = new Promise<void>((resolve) => {
      void topicBus().subscribe("tenant-config.changed", () => resolve());
    });
    await b.publish("tenant-config.changed", { tenantId: tenant.id });
    await arrived;
    expect(await ask(tenant.id, "我要找经理谈谈")).toMatchObject({ action: "transfer", reason: "keyword" });
  });

  it("this instance's saves are published for the others", async () => {
    const { tenant } = await pipelineTenant();
    const seen = nextOnB("tenant-config.changed");
    // B's subscription is set up asynchronously: publish until it has seen one (bounded by the test timeout)
    let got: unknown;
    void seen.then((p) => (got = p));
    while (!got) {
      await invalidateTenantConfig(tenant.id);
      await new Promise((r) => setImmediate(r));
    }
    expect(await seen).toEqual({ tenantId: tenant.id });
  });
});
