import { isInngestConfigured } from "../server/env";
import { logger } from "../server/logging";
import { inngest } from "./client";

// Periodic work (nightly re-scoring, later the lifecycle sweep and usage roll-ups), defined once like
// jobs: an Inngest cron function when an Inngest server is configured, otherwise a timer in the
// process (server/main.ts starts it). A tick only emits events (one per tenant), so the real work runs
// as ordinary, retried, recorded jobs either way.

export type TSchedule = {
  id: string;
  /** the Inngest cron expression (UTC) */
  cron: string;
  /** the in-process timer's period */
  everyMs: number;
  tick: () => Promise<unknown>;
  inngestFunction: ReturnType<typeof inngest.createFunction>;
};

export function defineSchedule(
  opts: { id: string; cron: string; everyMs: number },
  tick: () => Promise<unknown>,
): TSchedule {
  const inngestFunction = inngest.createFunction(
    { id: opts.id, triggers: [{ cron: opts.cron }] },
    async ({ step }) => step.run("tick", tick),
  );
  return { ...opts, tick, inngestFunction };
}

/** Starts the timers of every schedule (embedded default); returns a function that stops them. */
export function startInProcessSchedules(schedules: TSchedule[]): () => void {
  if (isInngestConfigured()) return () => {};
  const timers = schedules.map((s) => {
    const timer = setInterval(() => {
      s.tick().catch((err: unknown) => logger().error({ err, schedule: s.id }, "scheduled tick failed"));
    }, s.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
