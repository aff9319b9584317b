import { invitationEmail } from "../../../server/services/invitations/invitation-email";
import { isInvitationPending } from "../../../server/services/invitations/invitations";
import { sendMail } from "../../../server/services/mail/mailer";
import { defineJob } from "../../define";

export const sendInvitationEmail = defineJob(
  { id: "send-invitation-email", event: "kefu/invitation.created" },
  async ({ event, step }) => {
    const d = event.data;
    const stillPending = await step.run("check-invitation", () =>
      isInvitationPending(d.tenantId, d.invitationId),
    );
    if (!stillPending) return { sent: false, reason: "invitation is no longer pending" };
    const mail = invitationEmail({
      to: d.email,
      tenantName: d.tenantName,
      inviterName: d.inviterName,
      role: d.role,
      link: d.link,
      language: d.language,
      expiresAt: new Date(d.expiresAt),
    });
    return step.run("send-email", () => sendMail(mail));
  },
);
