import { inngest } from "./client";
import { EVENTS, type TEventData, type TEventName } from "./events";

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

export type TJobDefinition<N extends TEventName = TEventName> = {
  id: string;
  event: N;
  retries: number;
  run: (data: unknown, step: TStep) => Promise<unknown>;
  inngestFunction: ReturnType<typeof inngest.createFunction>;
};

export function defineJob<N extends TEventName>(
  opts: { id: string; event: N; retries?: number },
  handler: THandler<N>,
): TJobDefinition<N> {
  const retries = opts.retries ?? 3;
  // the payload is validated again on receipt: Inngest may deliver events sent by other producers
  const run = (data: unknown, step: TStep) =>
    handler({ event: { name: opts.event, data: EVENTS[opts.event].parse(data) as TEventData<N> }, step });
  const inngestFunction = inngest.createFunction(
    { id: opts.id, retries: retries as 3, triggers: [{ event: opts.event }] },
    async ({ event, step }) => run(event.data, step as unknown as TStep),
  );
  return { id: opts.id, event: opts.event, retries, run, inngestFunction };
}
