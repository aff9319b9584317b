import { describe, expect, it } from "vitest";
import { FakeClock } from "../test-support/fake-clock";
import { Backoff } from "./backoff";
import { ZPacingConfig, type TPacingConfig } from "./config";
import { msUntilQuietHoursEnd, Pacer } from "./pacing";

// Local-time constructors keep these tests independent of the machine's time zone.
const MONDAY_10AM = new Date(2026, 0, 5, 10, 0, 0).getTime();

function pacing(overrides: Partial<TPacingConfig> = {}): TPacingConfig {
  return ZPacingConfig.parse({
    typing: { baseMs: 1000, charsPerSecond: 10, jitterMs: 500, maxMs: 20_000 },
    perChatMinGapMs: 5000,
    maxPerMinute: 100,
    ...overrides,
  });
}

/** Queues sends and returns the virtual times at which each was typed. */
async function sendTimes(pacer: Pacer, clock: FakeClock, sends: [string, string][]): Promise<number[]> {
  const times: number[] = [];
  const all = sends.map(([chat, text]) => pacer.paced(chat, text, async () => void times.push(clock.now())));
  await clock.runAll();
  await Promise.all(all);
  return times.map((t) => t - MONDAY_10AM);
}

describe("Pacer", () => {
  it("types with base + chars/speed ± jitter, clamped", () => {
    const clock = new FakeClock(MONDAY_10AM);
    expect(new Pacer(pacing(), clock, undefined, () => 0.5).typingDelayMs("1234567890")).toBe(2000);
    expect(new Pacer(pacing(), clock, undefined, () => 1).typingDelayMs("1234567890")).toBe(2500);
    expect(new Pacer(pacing(), clock, undefined, () => 0).typingDelayMs("1234567890")).toBe(1500);
    expect(new Pacer(pacing(), clock, undefined, () => 0.5).typingDelayMs("字".repeat(1000))).toBe(20_000);
  });

  it("runs one action at a time and keeps a minimum gap per chat", async () => {
    const clock = new FakeClock(MONDAY_10AM);
    const pacer = new Pacer(pacing(), clock, undefined, () => 0.5);
    const times = await sendTimes(pacer, clock, [
      ["A", "1234567890"],
      ["A", "1234567890"],
      ["B", "1234567890"],
    ]);
    // A at 2 s; second A waits the 5 s gap (until 7 s) then types 2 s; B only waits for the UI lock.
    expect(times).toEqual([2000, 9000, 11_000]);
  });

  it("caps messages per minute across chats", async () => {
    const clock = new FakeClock(MONDAY_10AM);
    const config = pacing({
      maxPerMinute: 2,
      perChatMinGapMs: 0,
      typing: { baseMs: 0, charsPerSecond: 1e9, jitterMs: 0, maxMs: 0 },
    });
    const times = await sendTimes(new Pacer(config, clock), clock, [
      ["A", "x"],
      ["B", "x"],
      ["C", "x"],
    ]);
    expect(times).toEqual([0, 0, 60_000]);
  });

  it("holds sends during quiet hours (wrapping midnight) until they end", async () => {
    const lateEvening = new Date(2026, 0, 5, 23, 0).getTime();
    const clock = new FakeClock(lateEvening);
    const config = pacing({
      quietHours: [{ from: "22:30", to: "07:30" }],
      typing: { baseMs: 0, charsPerSecond: 1e9, jitterMs: 0, maxMs: 0 },
    });
    let typedAt = 0;
    const done = new Pacer(config, clock).paced("A", "晚安", async () => void (typedAt = clock.now()));
    await clock.runAll();
    await done;
    expect(new Date(typedAt)).toEqual(new Date(2026, 0, 6, 7, 30));
  });

  it("computes quiet-hour waits for same-day and wrapping ranges", () => {
    const ranges = [{ from: "12:00", to: "13:00" }];
    expect(msUntilQuietHoursEnd(ranges, new Date(2026, 0, 5, 12, 15).getTime())).toBe(45 * 60_000);
    expect(msUntilQuietHoursEnd(ranges, new Date(2026, 0, 5, 13, 0).getTime())).toBe(0);
    expect(msUntilQuietHoursEnd([{ from: "22:00", to: "06:00" }], new Date(2026, 0, 6, 5, 0).getTime())).toBe(
      3600_000,
    );
  });

  it("keeps going after a failed action", async () => {
    const clock = new FakeClock(MONDAY_10AM);
    const pacer = new Pacer(pacing({ perChatMinGapMs: 0 }), clock, undefined, () => 0.5);
    const failed = pacer.paced("A", "x", async () => Promise.reject(new Error("window vanished")));
    const ok = pacer.paced("A", "x", async () => "typed");
    await clock.runAll();
    await expect(failed).rejects.toThrow("window vanished");
    await expect(ok).resolves.toBe("typed");
  });

  it("rejects invalid configuration and fills defaults", () => {
    expect(ZPacingConfig.safeParse({ quietHours: [{ from: "25:00", to: "07:00" }] }).success).toBe(false);
    expect(ZPacingConfig.safeParse({ maxPerMinute: 0 }).success).toBe(false);
    expect(ZPacingConfig.parse({}).typing.baseMs).toBeGreaterThan(0);
  });
});

describe("Backoff", () => {
  it("grows exponentially with jitter, is capped, and resets", () => {
    const low = new Backoff({ baseMs: 1000, capMs: 8000, random: () => 0 });
    expect([1, 2, 3, 4, 5].map(() => low.next())).toEqual([500, 1000, 2000, 4000, 4000]);
    const high = new Backoff({ baseMs: 1000, capMs: 8000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map(() => high.next())).toEqual([1000, 2000, 4000, 8000, 8000]);
    high.reset();
    expect(high.next()).toBe(1000);
  });
});
