import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { RedisDeviceBus, type TDeviceEvent } from "../../server/gateway/device-bus";

// The Redis device bus receives through one pattern subscription per process and routes by device id
// in memory (server/gateway/device-bus.ts). Real Redis (REDIS_URL, default 127.0.0.1:6379). Absence
// is checked with a marker event published after the one that must not arrive: Redis delivers one
// connection's messages in order, so once the marker is in, the other one would have been too.

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const buses: RedisDeviceBus[] = [];
afterAll(async () => {
  for (const b of buses) await b.close();
});

function recorder() {
  const got: TDeviceEvent[] = [];
  return {
    got,
    listener: (e: TDeviceEvent) => void got.push(e),
    async until(n: number) {
      const deadline = Date.now() + 10_000;
      while (got.length < n) {
        if (Date.now() > deadline) throw new Error(`only ${got.length} of ${n} events arrived`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

describe("Redis device bus (one pattern subscription per instance)", () => {
  it("routes events from another instance to the right device only, and stops after unsubscribe", async () => {
    const holder = new RedisDeviceBus(REDIS_URL);
    const producer = new RedisDeviceBus(REDIS_URL);
    buses.push(holder, producer);
    const [x, y, marker] = [randomUUID(), randomUUID(), randomUUID()];
    const onX = recorder();
    const onX2 = recorder();
    const onMarker = recorder();
    const stopX = await holder.subscribe(x, onX.listener);
    await holder.subscribe(x, onX2.listener); // two sockets of one device on this instance
    await holder.subscribe(marker, onMarker.listener);

    await producer.publish(y, { kind: "command", name: "pause" }); // nobody here holds y
    await producer.publish(x, { kind: "command", name: "reload" });
    await producer.publish(marker, { kind: "revoke" });
    await onMarker.until(1);
    expect(onX.got).toEqual([{ kind: "command", name: "reload" }]);
    expect(onX2.got).toEqual([{ kind: "command", name: "reload" }]);

    await stopX();
    await producer.publish(x, { kind: "command", name: "resume" });
    await producer.publish(marker, { kind: "revoke" });
    await onMarker.until(2);
    expect(onX.got).toHaveLength(1); // unsubscribed
    expect(onX2.got).toEqual([
      { kind: "command", name: "reload" },
      { kind: "command", name: "resume" },
    ]);
  });
});
