import { z } from "zod";
import { emit } from "../../../inngest/emit";
import { isMailConfigured } from "../../services/mail/mailer";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
  ZAcceptAsNewUserInput,
  ZCreateInvitationInput,
  ZInvitationToken,
} from "../../services/invitations/invitations";
import { publicUrl } from "../../public-url";
import { perIp, rateLimit } from "../../rate-limit";
import { actorOf } from "../actor";
import { authedProcedure, createRouter, publicProcedure, tenantProcedure } from "../init";
import { ZId, ZOk, ZRole } from "../schemas";

const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  expiresAt: z.date(),
  createdAt: z.date(),
});
const ZJoined = z.object({ tenantId: z.string(), slug: z.string() });

export const invitationsRouter = createRouter({
  list: tenantProcedure("members.manage")
    .output(z.array(ZInvitation))
    .query(({ ctx }) => listPendingInvitations(ctx.tenant.id)),

  create: tenantProcedure("members.manage")
    .input(ZCreateInvitationInput)
    .output(z.object({ id: z.string(), link: z.string(), emailQueued: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { invitation, token } = await createInvitation(
        ctx.tenant.id,
        { ...actorOf(ctx), role: ctx.role },
        input,
      );
      const link = `${publicUrl()}/invite/${token}`;
      const emailQueued = isMailConfigured();
      if (emailQueued) {
        await emit("kefu/invitation.created", {
          tenantId: ctx.tenant.id,
          invitationId: invitation.id,
          email: invitation.email,
          role: invitation.role,
          tenantName: invitation.tenant.name,
          inviterName: ctx.user.name,
          language: invitation.tenant.language,
          link,
          expiresAt: invitation.expiresAt.toISOString(),
        });
      }
      // the link is always returned so the inviter can copy it (the only way when SMTP is not set up)
      return { id: invitation.id, link, emailQueued };
    }),

  revoke: tenantProcedure("members.manage")
    .input(z.object({ invitationId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tenant.id, actorOf(ctx), input.invitationId)),

  preview: publicProcedure
    .input(z.object({ token: ZInvitationToken }))
    .output(
      z.object({
        tenantName: z.string(),
        email: z.string(),
        role: ZRole,
        status: z.enum(["valid", "expired", "accepted", "revoked"]),
        expiresAt: z.date(),
        hasAccount: z.boolean(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await rateLimit("invite-preview", ctx.ip ?? "unknown", { points: perIp(60), durationSec: 60 });
      return previewInvitation(input.token);
    }),

  accept: authedProcedure
    .input(z.object({ token: ZInvitationToken }))
    .output(ZJoined)
    .mutation(({ ctx, input }) => acceptInvitation(input.token, ctx.user.id)),

  acceptAsNewUser: publicProcedure
    .input(ZAcceptAsNewUserInput)
    .output(ZJoined.extend({ email: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await rateLimit("invite-accept", ctx.ip ?? "unknown", { points: perIp(20), durationSec: 3600 });
      return acceptInvitationAsNewUser(input);
    }),
});
