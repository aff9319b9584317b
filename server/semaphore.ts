/** Runs tasks with at most `limit` at a time, in the order they were queued. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /**
   * Inside run(): gives the slot up while waiting on something outside this process (a model's
   * answer over the network), then takes it back ahead of tasks that have not started yet. The slots
   * bound this process's own work, not how many remote calls may be pending.
   */
  async outside<T>(wait: () => Promise<T>): Promise<T> {
    this.release();
    try {
      return await wait();
    } finally {
      await this.acquire(true);
    }
  }

  private async acquire(first: boolean): Promise<void> {
    if (this.active >= this.limit)
      await new Promise<void>((resolve) =>
        first ? this.waiting.unshift(resolve) : this.waiting.push(resolve),
      );
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
