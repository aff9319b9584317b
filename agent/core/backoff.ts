export type TBackoffOptions = { baseMs: number; capMs: number; random?: () => number };

/**
 * "Equal jitter" exponential backoff: half the window is fixed, half random. The fixed half guarantees
 * the agent never reconnects in a tight loop; the random half spreads a fleet of agents out after a
 * server restart so they do not all come back in the same second.
 */
export class Backoff {
  private attempt = 0;

  constructor(private readonly options: TBackoffOptions) {}

  next(): number {
    const exp = Math.min(this.options.capMs, this.options.baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    const random = this.options.random ?? Math.random;
    return Math.round(exp / 2 + random() * (exp / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
