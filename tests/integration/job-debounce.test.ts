import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defineJob } from "../../inngest/define";
import { debounceInBackground, drainInProcessJobs } from "../../inngest/runner";
import { ownerWithTenant } from "./helpers";

// Debounced jobs in-process (the customer re-score after messages): a burst for one key is one run
// with the burst's last event; other keys run on their own; a quiet key runs without being drained.

function countingJob(periodMs: number) {
  const seen: string[] = [];
  const job = defineJob(
    {
      id: `debounce-test-${randomUUID().slice(0, 8)}`,
      event: "kefu/message.processed",
      debounce: { key: "conversationId", periodMs, timeoutMs: periodMs * 6 },
    },
    async ({ event }) => seen.push(`${event.data.conversationId}:${event.data.messageId}`),
  );
  return { job, seen };
}

describe("debounced jobs in-process", () => {
  it("runs once per burst and key, with the last event", async () => {
    const { tenant } = await ownerWithTenant();
    const { job, seen } = countingJob(60_000);
    const [a, b] = [randomUUID(), randomUUID()];
    const messages = Array.from({ length: 5 }, () => randomUUID());
    for (const m of messages)
      debounceInBackground(job, { tenantId: tenant.id, conversationId: a, messageId: m, action: "reply" });
    const other = randomUUID();
    debounceInBackground(job, { tenantId: tenant.id, conversationId: b, messageId: other, action: "reply" });
    expect(seen).toEqual([]); // still waiting for the quiet period
    await drainInProcessJobs();
    expect(seen.sort()).toEqual([`${a}:${messages[4]}`, `${b}:${other}`].sort());
  });

  it("runs by itself once the key has been quiet for the period", async () => {
    const { tenant } = await ownerWithTenant();
    const { job, seen } = countingJob(20);
    const c = randomUUID();
    const m = randomUUID();
    debounceInBackground(job, { tenantId: tenant.id, conversationId: c, messageId: m, action: "clarify" });
    await expect.poll(() => seen, { timeout: 10_000 }).toEqual([`${c}:${m}`]);
    await drainInProcessJobs();
    expect(seen).toHaveLength(1);
  });

  it("runs at most two debounced runs at a time, the others in turn", async () => {
    const { tenant } = await ownerWithTenant();
    let running = 0;
    let most = 0;
    const done: string[] = [];
    const job = defineJob(
      {
        id: `slots-test-${randomUUID().slice(0, 8)}`,
        event: "kefu/message.processed",
        debounce: { key: "conversationId", periodMs: 60_000, timeoutMs: 60_000 },
      },
      async ({ event }) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        done.push(event.data.conversationId);
      },
    );
    const conversations = Array.from({ length: 6 }, () => randomUUID());
    for (const conversationId of conversations)
      debounceInBackground(job, {
        tenantId: tenant.id,
        conversationId,
        messageId: randomUUID(),
        action: "reply",
      });
    await drainInProcessJobs(); // starts the six waiting runs at once
    expect(most).toBe(2);
    expect([...done].sort()).toEqual([...conversations].sort());
  });
});
