import { rollUpRecent } from "../../../server/services/dashboard/rollups";
import { defineJob } from "../../define";

// Recomputes one tenant's hourly dashboard roll-ups for the last two hours (whole hours, so writes
// that land late in an hour are covered by the next run). Emitted by rollup-schedule.ts.
export const dashboardRollup = defineJob(
  { id: "dashboard-rollup-tenant", event: "kefu/dashboard.rollup-requested" },
  async ({ event, step }) => step.run("roll-up-recent", () => rollUpRecent(event.data.tenantId)),
);
