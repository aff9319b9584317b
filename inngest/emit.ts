import { isInngestConfigured } from "../server/env";
import { logger } from "../server/logging";
import { inngest } from "./client";
import { EVENTS, type TEventData, type TEventName } from "./events";
import { JOBS } from "./functions";
import { debounceInBackground } from "./runner";

/**
 * Emits a domain event: to Inngest when it is configured, otherwise to the in-process runner. If the
 * Inngest server cannot be reached the jobs run here instead, so an outage loses no work.
 */
export async function emit<N extends TEventName>(
  name: N,
  data: TEventData<N>,
): Promise<"inngest" | "in-process"> {
  const payload = EVENTS[name].parse(data);
  if (isInngestConfigured()) {
    try {
      await inngest.send({ name, data: payload });
      return "inngest";
    } catch (e) {
      logger().warn({ err: e, event: name }, "Inngest unreachable; running the event's jobs in-process");
    }
  }
  for (const job of JOBS) if (job.event === name) debounceInBackground(job, payload);
  return "in-process";
}
