import { db } from "../../../server/db/client";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Every night (03:00 UTC with Inngest, every 24 h in-process) each tenant's customers are re-scored
// and the inactive ones churned, through `kefu/customers.rescore-requested` (nightly-rescore.ts).
export const nightlyRescoreSchedule = defineSchedule(
  { id: "customers-nightly-rescore", cron: "0 3 * * *", everyMs: 24 * 3600_000 },
  async () => {
    const client = await db();
    const tenants = await client.tenant.findMany({ select: { id: true } });
    for (const t of tenants)
      await emit("kefu/customers.rescore-requested", { tenantId: t.id, reason: "nightly" });
    return { tenants: tenants.length };
  },
);
