import { randomBytes } from "node:crypto";
import { db } from "../../db/client";
import { AppError } from "../../errors";
import { hashPassword } from "../accounts/password";
import { recordAudit } from "../audit/record-audit";
import { createTenantRecord } from "../tenants/create-tenant-record";

// The demo tenant and its three people: the owner, the agent 小王 and a reviewer. A tenant is only
// ever wiped by --reset when it was made by the demo seed (its "demo.seeded" audit entry says so), so a
// mistyped slug cannot delete a real tenant. Accounts under the demo domain get the freshly printed
// password on every run; any other existing owner account keeps its own.

export const DEMO_DOMAIN = "demo.kefu.local";
export const DEMO_MARKER = "demo.seeded";

export type TDemoPeople = {
  tenantId: string;
  owner: { id: string; email: string };
  agent: { id: string; email: string; name: string };
  reviewer: { id: string; email: string; name: string };
  /** the password of the demo-domain accounts; undefined only when none of them was (re)set */
  password: string;
  ownerPasswordSet: boolean;
};

export async function prepareDemoTenant(opts: {
  slug: string;
  name: string;
  ownerEmail: string;
  reset: boolean;
}): Promise<TDemoPeople> {
  const client = await db();
  const existing = await client.tenant.findUnique({ where: { slug: opts.slug }, select: { id: true } });
  if (existing) {
    if (!opts.reset)
      throw new AppError(
        "CONFLICT",
        `A tenant with slug "${opts.slug}" exists already. Run again with --reset to wipe and recreate it (demo tenants only), or choose another --slug.`,
        "slug",
      );
    const marker = await client.auditLog.findFirst({
      where: { tenantId: existing.id, action: DEMO_MARKER },
      select: { id: true },
    });
    if (!marker)
      throw new AppError(
        "CONFLICT",
        `The tenant "${opts.slug}" was not created by the demo seed; --reset only wipes demo tenants.`,
        "slug",
      );
    // cascades to every row the tenant owns; accounts (users) stay and are reused below
    await client.tenant.deleteMany({ where: { id: existing.id } });
  }

  const password = randomBytes(9).toString("base64url"); // 12 characters
  const passwordHash = await hashPassword(password);
  const agentEmail = `xiaowang.${opts.slug}@${DEMO_DOMAIN}`;
  const reviewerEmail = `reviewer.${opts.slug}@${DEMO_DOMAIN}`;
  const ownerIsDemo = opts.ownerEmail.endsWith(`@${DEMO_DOMAIN}`);

  return client.$transaction(async (tx) => {
    const account = async (email: string, name: string, resetPassword: boolean) => {
      const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (!found)
        return (await tx.user.create({ data: { email, name, passwordHash }, select: { id: true } })).id;
      if (resetPassword)
        await tx.user.update({
          where: { id: found.id },
          data: { passwordHash, failedLoginCount: 0, lockedUntil: null },
        });
      return found.id;
    };
    const ownerFound = await tx.user.findUnique({ where: { email: opts.ownerEmail }, select: { id: true } });
    const ownerId = await account(opts.ownerEmail, "演示管理员", ownerIsDemo);
    const agentId = await account(agentEmail, "小王", true);
    const reviewerId = await account(reviewerEmail, "审核员小李", true);
    const tenant = await createTenantRecord(tx, { name: opts.name, slug: opts.slug, ownerId });
    await tx.membership.createMany({
      data: [
        {
          tenantId: tenant.id,
          userId: agentId,
          role: "AGENT",
          presence: "ONLINE",
          presenceUpdatedAt: new Date(),
        },
        { tenantId: tenant.id, userId: reviewerId, role: "REVIEWER" },
      ],
    });
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorEmail: "cli",
      action: DEMO_MARKER,
      targetType: "tenant",
      targetId: tenant.id,
    });
    return {
      tenantId: tenant.id,
      owner: { id: ownerId, email: opts.ownerEmail },
      agent: { id: agentId, email: agentEmail, name: "小王" },
      reviewer: { id: reviewerId, email: reviewerEmail, name: "审核员小李" },
      password,
      ownerPasswordSet: !ownerFound || ownerIsDemo,
    };
  });
}
