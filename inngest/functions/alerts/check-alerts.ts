import { sendAlertEmail } from "../../../server/services/alerts/alert-email";
import { checkAlerts } from "../../../server/services/alerts/check-alerts";
import { defineJob } from "../../define";

// One alert check of a tenant, then one e-mail per newly opened alert. Each e-mail is its own step:
// when SMTP fails and the job is retried, the check (and the events it opened) is not repeated and
// the mails already sent are not sent again.
export const checkAlertsJob = defineJob(
  { id: "alerts-check", event: "kefu/alerts.check-requested", retries: 2 },
  async ({ event, step }) => {
    const { tenantId } = event.data;
    const result = await step.run("check", () => checkAlerts(tenantId));
    const emails = [];
    for (const id of result.opened)
      emails.push(await step.run(`email-${id}`, () => sendAlertEmail(tenantId, id)));
    return { ...result, emails };
  },
);
