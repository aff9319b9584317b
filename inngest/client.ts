import { Inngest } from "inngest";

// Mode comes from the environment: INNGEST_DEV (dev server) or INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY
// (cloud or self-hosted). Without either, inngest/emit.ts runs the same functions in-process.
export const inngest = new Inngest({ id: "kefu" });
