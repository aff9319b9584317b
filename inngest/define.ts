import { inngest } from "./client";
import { EVENTS, type TEventData, type TEventName } from "./events";
import { logger } from "../server/logging";
import { observeJobRun } from "../server/metrics";
import { finishJobRun, startJobRun, tenantOf } from "./job-runs";

// A Kefu job is defined once and runs two ways: as an Inngest function (served at /api/inngest) and
// through the in-process runner when no Inngest server is configured. Handlers only use this small
// step API, which both provide.

export type TStep = {
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, duration: number | string): Promise<void>;
};

export type THandler<N extends TEventName> = (ctx: {
  event: { name: N; data: TEventData<N> };
  step: TStep;
}) => Promise<unknown>;

/**
 * Runs once per burst: each event for the same `key` (a field of the event's data) restarts the quiet
 * `periodMs`, the run gets the last event, and a steady stream still runs every `timeoutMs`.
 */
export type TDebounce = { key: string; periodMs: number; timeoutMs: number };

export type TJobDefinition<N extends TEventName = TEventName> = {
  id: string;
  event: N;
  retries: number;
  debounce?: TDebounce;
  run: (data: unknown, step: TStep) => Promise<unknown>;
  inngestFunction: ReturnType<typeof inngest.createFunction>;
};

export function defineJob<N extends TEventName>(
  opts: { id: string; event: N; retries?: number; debounce?: TDebounce },
  handler: THandler<N>,
): TJobDefinition<N> {
  const retries = opts.retries ?? 3;
  // the payload is validated again on receipt: Inngest may deliver events sent by other producers
  const run = (data: unknown, step: TStep) =>
    handler({ event: { name: opts.event, data: EVENTS[opts.event].parse(data) as TEventData<N> }, step });
  const inngestFunction = inngest.createFunction(
    {
      id: opts.id,
      retries: retries as 3,
      triggers: [{ event: opts.event }],
      ...(opts.debounce && {
        debounce: {
          key: `event.data.${opts.debounce.key}`,
          period: `${Math.ceil(opts.debounce.periodMs / 1000)}s`,
          timeout: `${Math.ceil(opts.debounce.timeoutMs / 1000)}s`,
        },
      }),
    },
    // Inngest calls this once per step and keeps the run's timing itself: counted when an invocation
    // finishes the function or fails (a failed attempt that Inngest retries counts as "failed"). The
    // JobRun row is made and finished in steps, so the re-invocations do not repeat them; a failed
    // attempt marks it FAILED and a successful retry marks it SUCCEEDED again.
    async ({ event, step }) => {
      const steps = step as unknown as TStep;
      const runId = await steps.run("kefu-job-run-start", () => startJobRun(opts, event.data));
      const out = await run(event.data, steps).catch(async (e: unknown) => {
        observeJobRun(opts.id, "failed");
        logger().error({ err: e, job: opts.id, tenantId: tenantOf(event.data) }, "job attempt failed");
        await finishJobRun(runId, { error: e }).catch(() => {}); // the failure itself is what matters
        throw e;
      });
      await steps.run("kefu-job-run-finish", () => finishJobRun(runId));
      observeJobRun(opts.id, "succeeded");
      return out;
    },
  );
  return { id: opts.id, event: opts.event, retries, debounce: opts.debounce, run, inngestFunction };
}
