import { db } from "../../../server/db/client";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Every minute each tenant's alert rules are checked, through `kefu/alerts.check-requested`
// (check-alerts.ts), so a check is an ordinary, retried, recorded job.
export const checkAlertsSchedule = defineSchedule(
  { id: "alerts-check-schedule", cron: "* * * * *", everyMs: 60_000 },
  async () => {
    const client = await db();
    const tenants = await client.tenant.findMany({ select: { id: true } });
    for (const t of tenants) await emit("kefu/alerts.check-requested", { tenantId: t.id });
    return { tenants: tenants.length };
  },
);
