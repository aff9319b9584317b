import { logger } from "../../../server/logging";
import { sweepTenantLifecycle } from "../../../server/services/lifecycle/sweep-lifecycle";
import { defineJob } from "../../define";
import { emit } from "../../emit";

// One tenant's conversation lifecycle sweep (server/services/lifecycle/sweep-lifecycle.ts), requested
// every minute by lifecycle-sweep-schedule.ts. The sweep is one transaction and idempotent, so a retry
// repeats nothing; each conversation it closed then gets `kefu/conversation.closed` (reason "idle"),
// which starts learning extraction and the contact's re-score.
export const lifecycleSweep = defineJob(
  { id: "conversations-sweep-tenant", event: "kefu/conversations.sweep-requested", retries: 2 },
  async ({ event, step }) => {
    const { tenantId } = event.data;
    const result = await step.run("sweep", () => sweepTenantLifecycle(tenantId));
    for (const conversationId of result.closed)
      await step.run(`emit-closed-${conversationId}`, async () => {
        await emit("kefu/conversation.closed", { tenantId, conversationId, reason: "idle" }).catch(
          (err: unknown) => logger().error({ err, tenantId }, "conversation.closed event failed"),
        );
      });
    return result;
  },
);
