import type { Clock } from "./clock";
import type { TPacingConfig } from "./config";
import { SerialQueue } from "./serial-queue";

const MINUTE = 60_000;

/**
 * Makes the bot type like a patient person: one UI action at a time, a typing delay that grows with the
 * text, a minimum gap per chat, a global messages-per-minute cap, and no sending during quiet hours.
 * Sends that hit a limit wait (in order) rather than fail.
 */
export class Pacer {
  private readonly lastSentByChat = new Map<string, number>();
  private recentSends: number[] = [];

  constructor(
    private config: TPacingConfig,
    private readonly clock: Clock,
    readonly uiLock: SerialQueue = new SerialQueue(),
    private readonly random: () => number = Math.random,
  ) {}

  /** Applies a reloaded configuration to sends that have not started yet. */
  reconfigure(config: TPacingConfig): void {
    this.config = config;
  }

  /** Runs `action` (the actual typing) when pacing allows, holding the UI lock throughout. */
  paced<T>(chatId: string, text: string, action: () => Promise<T>): Promise<T> {
    return this.uiLock.run(async () => {
      await this.waitForTurn(chatId);
      await this.clock.sleep(this.typingDelayMs(text));
      try {
        return await action();
      } finally {
        const now = this.clock.now();
        this.lastSentByChat.set(chatId, now);
        this.recentSends.push(now);
      }
    });
  }

  typingDelayMs(text: string): number {
    const { baseMs, charsPerSecond, jitterMs, maxMs } = this.config.typing;
    const jitter = (this.random() * 2 - 1) * jitterMs;
    const delay = baseMs + ([...text].length / charsPerSecond) * 1000 + jitter;
    return Math.round(Math.min(maxMs, Math.max(0, delay)));
  }

  /** How long the next send to `chatId` must wait from `now`; 0 when it may go. */
  waitMs(chatId: string, now: number): number {
    this.recentSends = this.recentSends.filter((t) => t > now - MINUTE);
    const last = this.lastSentByChat.get(chatId);
    const gapWait = last === undefined ? 0 : last + this.config.perChatMinGapMs - now;
    const rateWait =
      this.recentSends.length >= this.config.maxPerMinute
        ? this.recentSends[this.recentSends.length - this.config.maxPerMinute] + MINUTE - now
        : 0;
    return Math.max(0, gapWait, rateWait, msUntilQuietHoursEnd(this.config.quietHours, now));
  }

  private async waitForTurn(chatId: string): Promise<void> {
    // Re-check after each sleep: quiet hours may begin while waiting for the rate cap, and vice versa.
    for (
      let wait = this.waitMs(chatId, this.clock.now());
      wait > 0;
      wait = this.waitMs(chatId, this.clock.now())
    ) {
      await this.clock.sleep(wait);
    }
  }
}

/** 0 outside quiet hours; otherwise the time until the current range ends (local time). */
export function msUntilQuietHoursEnd(ranges: TPacingConfig["quietHours"], now: number): number {
  const date = new Date(now);
  const minuteOfDay = date.getHours() * 60 + date.getMinutes();
  for (const { from, to } of ranges) {
    const start = toMinutes(from);
    const end = toMinutes(to);
    const inside =
      start <= end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
    if (!inside) continue;
    const endDate = new Date(now);
    endDate.setHours(Math.floor(end / 60), end % 60, 0, 0);
    if (endDate.getTime() <= now) endDate.setDate(endDate.getDate() + 1);
    return endDate.getTime() - now;
  }
  return 0;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}
