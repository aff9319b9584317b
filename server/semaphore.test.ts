import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Semaphore", () => {
  it("runs at most `limit` tasks at a time, in the order queued", async () => {
    const s = new Semaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        s.run(async () => {
          order.push(i);
          most = Math.max(most, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("frees the slot while a task waits outside, and gives it back before queued tasks", async () => {
    const s = new Semaphore(1);
    const events: string[] = [];
    let answer!: () => void;
    const remote = new Promise<void>((r) => (answer = r));
    const a = s.run(async () => {
      events.push("a starts");
      await s.outside(() => remote);
      events.push("a resumes");
    });
    const b = s.run(async () => {
      events.push("b runs");
      await tick();
      answer(); // the remote call returns while b holds the slot
      await tick();
      events.push("b ends");
    });
    const c = s.run(async () => {
      events.push("c runs");
    });
    await Promise.all([a, b, c]);
    expect(events).toEqual(["a starts", "b runs", "b ends", "a resumes", "c runs"]);
  });
});
