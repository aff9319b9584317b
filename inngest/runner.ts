import { logger } from "../server/logging";
import { observeJobRun } from "../server/metrics";
import { Semaphore } from "../server/semaphore";
import type { TJobDefinition, TStep } from "./define";
import { recordJobRun, tenantOf } from "./job-runs";

// The in-process runner for the embedded default: the same job definitions, run in this process with
// Inngest's semantics where they matter — completed steps are memoised and not re-run when the
// function is retried, failures are retried with backoff, every run is recorded in JobRun.
// Not durable across a restart; configure Inngest for that.

const pending = new Set<Promise<unknown>>();

// Debounced runs are the ones a stream of messages produces (a customer re-scoring per conversation
// burst). They share the process and its database pool with the messages still being stored — what an
// agent's ack and the agents' screens wait for — so at most DEBOUNCED_SLOTS run at once and the rest
// wait their turn; unbounded, a burst of new conversations put a run of ~17 statements each in front of
// the storing. Other jobs (e-mails, document ingestion, ERP sync) start at once, as before.
const DEBOUNCED_SLOTS = 2;
const debouncedSlots = new Semaphore(DEBOUNCED_SLOTS);

const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

function durationMs(d: number | string): number {
  if (typeof d === "number") return d;
  const m = /^(\d+)\s*(ms|s|m|h)$/.exec(d.trim());
  if (!m) throw new Error(`Unsupported sleep duration: ${d}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms"];
}

export async function runJobInProcess(job: TJobDefinition, data: unknown, opts: { backoffMs?: number } = {}) {
  const memo = new Map<string, unknown>();
  const step: TStep = {
    async run(id, fn) {
      if (memo.has(id)) return memo.get(id) as never;
      const value = await fn();
      memo.set(id, value);
      return value;
    },
    async sleep(_id, d) {
      await sleepMs(durationMs(d));
    },
  };
  const tenantId = tenantOf(data);
  const started = performance.now();
  const record = recordJobRun(job, data);
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await job.run(data, step);
      await record.finish();
      observeJobRun(job.id, "succeeded", (performance.now() - started) / 1000);
      return result;
    } catch (e) {
      if (attempt >= job.retries) {
        await record.finish({ error: e });
        logger().error({ err: e, job: job.id, tenantId }, "job failed");
        observeJobRun(job.id, "failed", (performance.now() - started) / 1000);
        throw e;
      }
      await sleepMs((opts.backoffMs ?? 500) * 2 ** attempt);
    }
  }
}

function track(run: Promise<unknown>): void {
  const p = run.catch(() => {}); // failures are recorded in JobRun and logged
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

/** Starts a run without waiting for it (the request that emitted the event answers at once). */
export function startInBackground(job: TJobDefinition, data: unknown): void {
  track(runJobInProcess(job, data));
}

type TDebounced = {
  job: TJobDefinition;
  data: unknown;
  firstAt: number;
  timer: ReturnType<typeof setTimeout>;
};
const debounced = new Map<string, TDebounced>();

function fire(key: string): void {
  const entry = debounced.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  debounced.delete(key);
  track(debouncedSlots.run(() => runJobInProcess(entry.job, entry.data)));
}

/**
 * A debounced job (TJobDefinition.debounce) in-process, as Inngest runs it: the run starts once its
 * key has been quiet for the period (or the timeout since the burst's first event passed), with the
 * burst's last event. Not durable: a restart loses a waiting run, and drain starts the waiting ones.
 */
export function debounceInBackground(job: TJobDefinition, data: unknown): void {
  if (!job.debounce) return startInBackground(job, data);
  const { key, periodMs, timeoutMs } = job.debounce;
  const id = `${job.id}:${String((data as Record<string, unknown> | null)?.[key] ?? "")}`;
  const previous = debounced.get(id);
  if (previous) clearTimeout(previous.timer);
  const firstAt = previous?.firstAt ?? Date.now();
  const wait = Math.max(0, Math.min(periodMs, firstAt + timeoutMs - Date.now()));
  const timer = setTimeout(() => fire(id), wait);
  timer.unref();
  debounced.set(id, { job, data, firstAt, timer });
}

/** Starts the debounced runs that are still waiting, then waits for every background run (graceful shutdown, tests). */
export async function drainInProcessJobs(): Promise<void> {
  for (const key of [...debounced.keys()]) fire(key);
  while (pending.size) await Promise.all([...pending]);
}
