import { sendEscalationEmail } from "../../../server/services/lifecycle/escalation-email";
import { defineJob } from "../../define";

// Escalations are e-mailed to the tenant (notification address, else owners and admins): a live
// transfer tells whoever watches the queue, an after-hours transfer (a TICKET, decided by the working
// hours rule in the pipeline) carries the customer's messages for a follow-up. One step, so a retry
// after an SMTP failure sends the mail once it goes through.
export const notifyEscalation = defineJob(
  { id: "notify-escalation", event: "kefu/conversation.escalated" },
  async ({ event, step }) => {
    const kind = event.data.status === "TICKET" ? "after_hours" : "live";
    return step.run(`send-${kind}-email`, () =>
      sendEscalationEmail(event.data.tenantId, event.data.conversationId, kind),
    );
  },
);
