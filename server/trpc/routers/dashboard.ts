import { getOverview } from "../../services/dashboard/get-overview";
import { ZOverview, ZOverviewInput } from "../../services/dashboard/overview-schemas";
import { createRouter, tenantProcedure } from "../init";

// Dashboards: read-only, for every member (dashboard.read includes VIEWER).
export const dashboardRouter = createRouter({
  overview: tenantProcedure("dashboard.read")
    .input(ZOverviewInput)
    .output(ZOverview)
    .query(({ ctx, input }) =>
      getOverview(ctx.tenant.id, { from: input.from, to: input.to, channel: input.channel }),
    ),
});
