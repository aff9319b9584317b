import { db } from "../server/db/client";
import { logger } from "../server/logging";
import type { TJobDefinition, TStep } from "./define";

// The in-process runner for the embedded default: the same job definitions, run in this process with
// Inngest's semantics where they matter — completed steps are memoised and not re-run when the
// function is retried, failures are retried with backoff, every run is recorded in JobRun.
// Not durable across a restart; configure Inngest for that.

const pending = new Set<Promise<unknown>>();

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
  const tenantId = (data as { tenantId?: string } | null)?.tenantId ?? null;
  const client = await db();
  const run = await client.jobRun.create({
    data: { tenantId, functionId: job.id, eventName: job.event, status: "RUNNING" },
  });
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await job.run(data, step);
      await client.jobRun.update({
        where: { id: run.id },
        data: { status: "SUCCEEDED", finishedAt: new Date() },
      });
      return result;
    } catch (e) {
      if (attempt >= job.retries) {
        const error = e instanceof Error ? e.message : String(e);
        await client.jobRun.update({
          where: { id: run.id },
          data: { status: "FAILED", error: error.slice(0, 2000), finishedAt: new Date() },
        });
        logger().error({ err: e, job: job.id, tenantId }, "job failed");
        throw e;
      }
      await sleepMs((opts.backoffMs ?? 500) * 2 ** attempt);
    }
  }
}

/** Starts a run without waiting for it (the request that emitted the event answers at once). */
export function startInBackground(job: TJobDefinition, data: unknown): void {
  const p = runJobInProcess(job, data).catch(() => {}); // failures are recorded in JobRun and logged
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

/** Waits for every background run (graceful shutdown, tests). */
export async function drainInProcessJobs(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
