import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempAgentDir } from "../test-support/agent-harness";
import type { TMessageFrame } from "./frames";
import { DEFAULT_QUEUE_OPTIONS, OfflineQueue } from "./offline-queue";
import { deriveKey, loadOrCreateMachineSecret } from "./sealing";

function frame(id: string, text = `客户消息 ${id}`): TMessageFrame {
  return {
    type: "message",
    id,
    chat: { id: "客户A", name: "客户A", type: "private" },
    sender: { id: "客户A", name: "客户A" },
    text,
    atMe: false,
    sentAt: "2026-01-05T10:00:00.000Z",
  };
}

function openQueue(dir: string, now = () => 1_000_000, compactAfterObsolete = 1000) {
  const key = deriveKey(loadOrCreateMachineSecret(join(dir, "machine.key")), "queue");
  return new OfflineQueue(join(dir, "queue.log"), key, {
    ...DEFAULT_QUEUE_OPTIONS,
    compactAfterObsolete,
    now,
  });
}

describe("OfflineQueue", () => {
  it("keeps pending messages in order across a reopen, encrypted on disk", () => {
    const dir = tempAgentDir();
    const queue = openQueue(dir);
    for (const id of ["a", "b", "c"]) queue.enqueue(frame(id), `fp-${id}`);
    queue.acknowledge("b");
    queue.close();
    const raw = readFileSync(join(dir, "queue.log"), "utf8");
    expect(raw).not.toContain("客户");
    expect(raw).not.toContain("fp-a");
    expect(
      raw
        .trim()
        .split("\n")
        .every((line) => line.startsWith("v1.")),
    ).toBe(true);
    const reopened = openQueue(dir);
    expect(reopened.pending().map((f) => f.id)).toEqual(["a", "c"]);
    expect(reopened.hasFingerprint("fp-b")).toBe(true);
  });

  it("refuses a repeated fingerprint, even after the first copy was acknowledged", () => {
    const queue = openQueue(tempAgentDir());
    expect(queue.enqueue(frame("a"), "same")).toBe(true);
    queue.acknowledge("a");
    expect(queue.enqueue(frame("b"), "same")).toBe(false);
    expect(queue.pendingCount).toBe(0);
  });

  it("tolerates a torn last line and keeps appending cleanly after it", () => {
    const dir = tempAgentDir();
    const queue = openQueue(dir);
    queue.enqueue(frame("a"), "fp-a");
    queue.enqueue(frame("b"), "fp-b");
    queue.close();
    const path = join(dir, "queue.log");
    const content = readFileSync(path, "utf8");
    writeFileSync(path, content.slice(0, content.length - 20)); // crash in the middle of the second write
    const reopened = openQueue(dir);
    expect(reopened.openReport.tornTail).toBe(true);
    expect(reopened.pending().map((f) => f.id)).toEqual(["a"]);
    reopened.enqueue(frame("c"), "fp-c");
    reopened.close();
    expect(
      openQueue(dir)
        .pending()
        .map((f) => f.id),
    ).toEqual(["a", "c"]);
  });

  it("skips a corrupted line in the middle instead of losing the rest", () => {
    const dir = tempAgentDir();
    const queue = openQueue(dir);
    queue.enqueue(frame("a"), "fp-a");
    queue.close();
    appendFileSync(join(dir, "queue.log"), "v1.garbage\n");
    const again = openQueue(dir);
    again.enqueue(frame("b"), "fp-b");
    again.close();
    const reopened = openQueue(dir);
    expect(reopened.openReport.unreadable).toBe(1);
    expect(reopened.pending().map((f) => f.id)).toEqual(["a", "b"]);
  });

  it("compacts after acknowledgements but keeps pending messages, fingerprints and sent ids", () => {
    const dir = tempAgentDir();
    const queue = openQueue(dir, () => 1_000_000, 6);
    for (const id of ["a", "b", "c", "d"]) queue.enqueue(frame(id), `fp-${id}`);
    queue.markSent("s1");
    for (const id of ["a", "b", "c"]) queue.acknowledge(id);
    const lines = readFileSync(join(dir, "queue.log"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(5); // d, three fingerprints, one sent id
    queue.close();
    const reopened = openQueue(dir);
    expect(reopened.pending().map((f) => f.id)).toEqual(["d"]);
    expect(reopened.hasFingerprint("fp-a")).toBe(true);
    expect(reopened.wasSent("s1")).toBe(true);
  });

  it("forgets fingerprints and sent ids once they leave the window", () => {
    const dir = tempAgentDir();
    let now = 1_000_000;
    const queue = openQueue(dir, () => now, 0);
    queue.enqueue(frame("a"), "fp-a");
    queue.acknowledge("a");
    queue.markSent("s1");
    now += DEFAULT_QUEUE_OPTIONS.sentWindowMs + 1;
    queue.compact();
    queue.close();
    const reopened = openQueue(dir, () => now);
    expect(reopened.hasFingerprint("fp-a")).toBe(false);
    expect(reopened.wasSent("s1")).toBe(false);
  });
});
