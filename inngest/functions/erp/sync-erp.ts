import { pushQualifiedCustomers } from "../../../server/services/erp/push-customers";
import { syncErp } from "../../../server/services/erp/sync-erp";
import { defineJob } from "../../define";

// ERP sync on demand (and, later, on a schedule): pull, then push qualified customers. A failed pull
// throws so the job is retried (pages already written are simply upserted again); a credential
// failure is recorded and not retried, because repeated bad logins lock the ERP user.

export const syncErpJob = defineJob(
  { id: "sync-erp", event: "kefu/erp.sync-requested" },
  async ({ event, step }) => {
    const { tenantId, connectionId, trigger } = event.data;
    const pulled = await step.run("pull", async () => {
      const outcome = await syncErp(tenantId, connectionId, trigger);
      if (!outcome.ok && outcome.retryable) throw new Error(`ERP sync failed: ${outcome.error}`);
      return outcome;
    });
    if (!pulled.ok) return { pulled, pushed: null };
    const pushed = await step.run("push", () => pushQualifiedCustomers(tenantId, connectionId, trigger));
    return { pulled, pushed };
  },
);
