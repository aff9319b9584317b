import { tenantsToSweep } from "../../../server/services/lifecycle/sweep-lifecycle";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Every minute (cron with Inngest, a timer in-process) each tenant that has open conversations whose
// lifecycle may still change gets `kefu/conversations.sweep-requested` (lifecycle-sweep.ts). Tenants
// with nothing open get no event, so quiet tenants add no job runs.
export const lifecycleSweepSchedule = defineSchedule(
  { id: "conversations-lifecycle-sweep", cron: "* * * * *", everyMs: 60_000 },
  async () => {
    const tenants = await tenantsToSweep();
    for (const tenantId of tenants) await emit("kefu/conversations.sweep-requested", { tenantId });
    return { tenants: tenants.length };
  },
);
