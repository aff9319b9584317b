import { dueErpSyncs } from "../../../server/services/erp/due-erp-syncs";
import { emit } from "../../emit";
import { defineSchedule } from "../../schedule";

// Every 10 minutes, each ERP connection whose schedule (hourly / daily) is due gets a sync event
// (sync-erp.ts does the work). The tick is finer than the shortest interval so "hourly" drifts by at
// most one tick.
export const erpSyncSchedule = defineSchedule(
  { id: "erp-scheduled-sync", cron: "*/10 * * * *", everyMs: 10 * 60_000 },
  async () => {
    const due = await dueErpSyncs(new Date());
    for (const d of due) await emit("kefu/erp.sync-requested", { ...d, trigger: "SCHEDULE" });
    return { emitted: due.length };
  },
);
