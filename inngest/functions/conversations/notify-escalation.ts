import { sendTicketEmail } from "../../../server/services/pipeline/ticket-email";
import { defineJob } from "../../define";

/** After-hours transfers (tickets) are e-mailed to the tenant's notification address. */
export const notifyEscalation = defineJob(
  { id: "notify-escalation", event: "kefu/conversation.escalated" },
  async ({ event, step }) => {
    if (event.data.status !== "TICKET") return { sent: false, reason: "live queue: the workbench shows it" };
    return step.run("send-ticket-email", () =>
      sendTicketEmail(event.data.tenantId, event.data.conversationId),
    );
  },
);
