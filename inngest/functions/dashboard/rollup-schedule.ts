import { tenantsActiveSince } from "../../../server/services/dashboard/active-tenants";
import { RECENT_HOURS } from "../../../server/services/dashboard/rollups";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Every 5 minutes, one roll-up per tenant with activity in the window the job recomputes, so an idle
// tenant costs nothing and an hour is final at most 5 minutes after it ends.
export const dashboardRollupSchedule = defineSchedule(
  { id: "dashboard-rollup", cron: "*/5 * * * *", everyMs: 5 * 60_000 },
  async () => {
    const tenants = await tenantsActiveSince(new Date(Date.now() - RECENT_HOURS * 3600_000));
    for (const tenantId of tenants)
      await emit("kefu/dashboard.rollup-requested", { tenantId, reason: "schedule" });
    return { tenants: tenants.length };
  },
);
