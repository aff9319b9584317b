import { pruneJobRuns } from "../../../server/services/system/prune-job-runs";
import { defineSchedule } from "../../schedule";

// Once a day (04:00 UTC with Inngest, every 24 h in-process) old job-run records are deleted
// (retention in prune-job-runs.ts). Global, not per tenant: one indexed delete serves all tenants.
export const pruneJobRunsSchedule = defineSchedule(
  { id: "system-prune-job-runs", cron: "0 4 * * *", everyMs: 24 * 3600_000 },
  () => pruneJobRuns(),
);
