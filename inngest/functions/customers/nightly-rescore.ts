import { rescoreTenant } from "../../../server/services/customers/rescore-job";
import { defineJob } from "../../define";

// Re-scores every customer of a tenant and churns the inactive ones. The nightly schedule
// (nightly-rescore-schedule.ts) emits `kefu/customers.rescore-requested` per tenant (reason
// "nightly"); the same event serves an on-demand re-score.
export const nightlyRescore = defineJob(
  { id: "customers-rescore-tenant", event: "kefu/customers.rescore-requested" },
  async ({ event, step }) => step.run("rescore-tenant", () => rescoreTenant(event.data.tenantId)),
);
