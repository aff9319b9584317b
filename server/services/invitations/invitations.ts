import { z } from "zod";
import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import type { Prisma } from "../../db/generated/prisma/client";
import type { Role } from "../../db/generated/prisma/enums";
import { hashToken, newToken } from "../../crypto/secrets";
import { AppError, notFound } from "../../errors";
import { hashPassword, ZPassword } from "../accounts/password";
import { ZEmail, ZPersonName } from "../accounts/schemas";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { assertMayGrant } from "../members/member-guards";

// Invitations by email: a link with a random token (only its hash is stored) valid for 7 days.
// Accepting needs the invited email: an existing user signed in with it, or a new account created
// for it. Inviting the same email again replaces the pending invitation.

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const ZInviteRole = z.enum(["ADMIN", "AGENT", "REVIEWER", "VIEWER"]);
export const ZCreateInvitationInput = z.object({ email: ZEmail, role: ZInviteRole });
export const ZInvitationToken = z.string().min(10).max(100);
export const ZAcceptAsNewUserInput = z.object({
  token: ZInvitationToken,
  name: ZPersonName,
  password: ZPassword,
});

export async function createInvitation(
  tenantId: string,
  actor: TActor & { role: Role },
  input: z.infer<typeof ZCreateInvitationInput>,
  now = new Date(),
) {
  assertMayGrant(actor.role, input.role);
  const client = await db();
  const token = newToken("inv_", 24);
  return client.$transaction(async (tx) => {
    const already = await tx.membership.findFirst({
      where: { tenantId, user: { email: input.email } },
      select: { id: true },
    });
    if (already) throw new AppError("CONFLICT", "This person is already a member", "email");
    await tx.invitation.updateMany({
      where: { tenantId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: {
        tenantId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: actor.actorId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        tenant: { select: { name: true, language: true } },
      },
    });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: input.email, role: input.role },
    });
    return { invitation, token };
  });
}

export async function listPendingInvitations(tenantId: string, now = new Date()) {
  const client = await db();
  return client.invitation.findMany({
    where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(tenantId: string, actor: TActor, id: string) {
  const client = await db();
  return client.$transaction(async (tx) => {
    const res = await tx.invitation.updateMany({
      where: { id, tenantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (res.count === 0) throw notFound("Invitation");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: id,
    });
    return { ok: true as const };
  });
}

export async function isInvitationPending(tenantId: string, id: string, now = new Date()): Promise<boolean> {
  const client = await db();
  const count = await client.invitation.count({
    where: { id, tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
  });
  return count > 0;
}

type TInvitationStatus = "valid" | "expired" | "accepted" | "revoked";

async function findByToken(token: string) {
  const client = await db();
  return client.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      tenantId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      tenant: { select: { name: true, slug: true } },
    },
  });
}

function statusOf(
  inv: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null },
  now: Date,
): TInvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "valid";
}

/** What the invite page shows before accepting (public: the token is the secret). */
export async function previewInvitation(token: string, now = new Date()) {
  const inv = await findByToken(token);
  if (!inv) throw notFound("Invitation");
  const client = await db();
  const hasAccount = (await client.user.count({ where: { email: inv.email } })) > 0;
  return {
    tenantName: inv.tenant.name,
    email: inv.email,
    role: inv.role,
    status: statusOf(inv, now),
    expiresAt: inv.expiresAt,
    hasAccount,
  };
}

async function usableInvitation(token: string, now: Date) {
  const inv = await findByToken(token);
  if (!inv) throw notFound("Invitation");
  const status = statusOf(inv, now);
  if (status === "expired") throw new AppError("GONE", "This invitation has expired; ask for a new one");
  if (status !== "valid") throw new AppError("GONE", `This invitation was already ${status}`);
  return inv;
}

async function join(
  tx: Prisma.TransactionClient,
  inv: Awaited<ReturnType<typeof usableInvitation>>,
  user: { id: string; email: string },
  now: Date,
) {
  const taken = await tx.invitation.updateMany({
    where: { id: inv.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now },
  });
  if (taken.count === 0) throw new AppError("GONE", "This invitation was already used");
  await tx.membership.upsert({
    where: { tenantId_userId: { tenantId: inv.tenantId, userId: user.id } },
    create: { tenantId: inv.tenantId, userId: user.id, role: inv.role },
    update: {},
  });
  await tx.user.update({ where: { id: user.id }, data: { lastTenantId: inv.tenantId } });
  await recordAudit(tx, {
    tenantId: inv.tenantId,
    actorId: user.id,
    actorEmail: user.email,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: inv.id,
    data: { role: inv.role },
  });
  return { tenantId: inv.tenantId, slug: inv.tenant.slug };
}

/** A signed-in user accepts; the invitation must be for their email. */
export async function acceptInvitation(token: string, userId: string, now = new Date()) {
  const inv = await usableInvitation(token, now);
  const client = await db();
  const user = await client.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Please sign in");
  if (user.email !== inv.email)
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${inv.email}; sign in with that email to accept it`,
    );
  return client.$transaction((tx) => join(tx, inv, user, now));
}

/** Someone without an account accepts by creating one for the invited email. */
export async function acceptInvitationAsNewUser(
  input: z.infer<typeof ZAcceptAsNewUserInput>,
  now = new Date(),
) {
  const inv = await usableInvitation(input.token, now);
  const client = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    return await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: inv.email, name: input.name, passwordHash },
        select: { id: true, email: true },
      });
      return { ...(await join(tx, inv, user, now)), email: user.email };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "An account with this email exists already; sign in to accept", "email");
    }
    throw e;
  }
}
