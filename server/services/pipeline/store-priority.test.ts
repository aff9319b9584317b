import { afterEach, describe, expect, it, vi } from "vitest";
import { asStore, storesQuiet } from "./store-priority";

// Answering waits while stores are in flight (at most 50 ms), and goes on as soon as they finish.

function pendingStore() {
  let finish!: () => void;
  const done = asStore(() => new Promise<void>((resolve) => (finish = resolve)));
  return { finish, done };
}

/** Whether the promise settled once pending callbacks ran (no wall-clock timing). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let yes = false;
  void p.then(() => (yes = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return yes;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("store priority", () => {
  it("does not wait with at most one store in flight", async () => {
    const one = pendingStore();
    expect(await settled(storesQuiet())).toBe(true);
    one.finish();
    await one.done;
  });

  it("waits while two stores are in flight and goes on when one finishes", async () => {
    const a = pendingStore();
    const b = pendingStore();
    const waiting = storesQuiet();
    expect(await settled(waiting)).toBe(false);
    a.finish();
    await a.done;
    expect(await settled(waiting)).toBe(true);
    b.finish();
    await b.done;
  });

  it("a flood of stores delays an answer by at most 50 ms", async () => {
    vi.useFakeTimers();
    const stores = [pendingStore(), pendingStore(), pendingStore()];
    const waiting = storesQuiet();
    vi.advanceTimersByTime(49);
    expect(await settled(waiting)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(waiting)).toBe(true);
    for (const s of stores) s.finish();
    await Promise.all(stores.map((s) => s.done));
  });

  it("a failing store still counts down", async () => {
    await expect(asStore(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const a = pendingStore();
    expect(await settled(storesQuiet())).toBe(true);
    a.finish();
    await a.done;
  });
});
