import { tenantsActiveSince } from "../../../server/services/dashboard/active-tenants";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Hourly; a tenant is visited while it had activity in the last 3 hours, so the tick after its local
// midnight still completes yesterday.
export const dashboardUsageRollupSchedule = defineSchedule(
  { id: "dashboard-usage-rollup", cron: "7 * * * *", everyMs: 3600_000 },
  async () => {
    const tenants = await tenantsActiveSince(new Date(Date.now() - 3 * 3600_000));
    for (const tenantId of tenants)
      await emit("kefu/dashboard.usage-rollup-requested", { tenantId, reason: "schedule" });
    return { tenants: tenants.length };
  },
);
