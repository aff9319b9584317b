// Messages of one conversation are processed one after another, in arrival order, so a fast second
// message cannot overtake the first (its context would miss the first answer). Keyed per tenant and
// chat; different chats run concurrently. In several instances each device or widget visitor is
// served by one instance at a time, which keeps this per-process ordering sufficient.

const KEY = Symbol.for("kefu.pipeline-queues");
type G = typeof globalThis & { [KEY]?: Map<string, Promise<unknown>> };

export function serializeByKey<T>(key: string, task: () => Promise<T>): Promise<T> {
  const queues = ((globalThis as G)[KEY] ??= new Map());
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** True while a task of this key is queued or running (one enqueued now would wait for it). */
export function isQueued(key: string): boolean {
  return ((globalThis as G)[KEY] ?? new Map()).has(key);
}
