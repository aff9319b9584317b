/**
 * Runs async tasks one at a time in submission order. The agent routes every UI action (reading WeChat
 * and typing into it) through one instance, because two interleaved actions would fight over focus.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  get size(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(task);
    // The chain continues whether the task fails or not; the caller sees the failure through `result`.
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }
}
