import { rollUpRecentUsage } from "../../../server/services/dashboard/usage-rollup";
import { defineJob } from "../../define";

// UsageRecord → UsageDaily for one tenant's yesterday and today (its own time zone). Emitted hourly by
// usage-rollup-schedule.ts.
export const dashboardUsageRollup = defineJob(
  { id: "dashboard-usage-rollup-tenant", event: "kefu/dashboard.usage-rollup-requested" },
  async ({ event, step }) => step.run("roll-up-usage", () => rollUpRecentUsage(event.data.tenantId)),
);
