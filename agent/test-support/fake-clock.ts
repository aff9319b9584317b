import type { Clock } from "../core/clock";

/** Virtual time: sleeps resolve only when the test advances the clock. */
export class FakeClock implements Clock {
  private timers: { at: number; resolve: () => void }[] = [];

  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.current + Math.max(0, ms), resolve });
      this.timers.sort((a, b) => a.at - b.at);
    });
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Fires due timers in time order, letting the woken code run before the next one. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await flush();
    while (this.timers.length > 0 && this.timers[0].at <= target) {
      const timer = this.timers.shift()!;
      this.current = timer.at;
      timer.resolve();
      await flush();
    }
    this.current = target;
  }

  /** Advances until nothing is sleeping any more (or the safety limit of virtual time passes). */
  async runAll(limitMs = 7 * 24 * 3600_000): Promise<void> {
    const limit = this.current + limitMs;
    await flush();
    while (this.timers.length > 0 && this.timers[0].at <= limit) {
      await this.advance(this.timers[0].at - this.current);
    }
  }
}

/** Lets promise chains settle; setImmediate runs after all queued microtasks. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
