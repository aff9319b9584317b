import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import { callerFor, caught, memberOf, ownerWithTenant, PASSWORD, uniq } from "./helpers";

const tokenOf = (link: string) => link.split("/invite/")[1];

describe("invitations", () => {
  it("invites by email and a new user accepts with a link (no SMTP: link shown, no email queued)", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const email = `agent-${uniq()}@example.com`;
    const inv = await caller.invitations.create({ tenantId: tenant.id, email, role: "AGENT" });
    expect(inv.link).toMatch(/^http:\/\/kefu\.test\/invite\/inv_/);
    expect(inv.emailQueued).toBe(false);
    expect(await caller.invitations.list({ tenantId: tenant.id })).toEqual([
      expect.objectContaining({ email, role: "AGENT" }),
    ]);

    const anon = callerFor(null);
    const preview = await anon.invitations.preview({ token: tokenOf(inv.link) });
    expect(preview).toMatchObject({
      email,
      role: "AGENT",
      status: "valid",
      hasAccount: false,
      tenantName: tenant.name,
    });
    const joined = await anon.invitations.acceptAsNewUser({
      token: tokenOf(inv.link),
      name: "小王",
      password: PASSWORD,
    });
    expect(joined).toMatchObject({ tenantId: tenant.id, slug: tenant.slug, email });

    const members = await caller.members.list({ tenantId: tenant.id });
    expect(members.find((m) => m.email === email)?.role).toBe("AGENT");
    expect((await anon.invitations.preview({ token: tokenOf(inv.link) })).status).toBe("accepted");
    expect(
      (
        await caught(
          anon.invitations.acceptAsNewUser({ token: tokenOf(inv.link), name: "x", password: PASSWORD }),
        )
      ).code,
    ).toBe("NOT_FOUND"); // GONE maps to 404
    const client = await db();
    expect(
      await client.auditLog.count({ where: { tenantId: tenant.id, action: "invitation.accepted" } }),
    ).toBe(1);
  });

  it("an existing user accepts only while signed in with the invited email", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const invitee = await ownerWithTenant(); // has an account (and a tenant) already
    const stranger = await ownerWithTenant();
    const inv = await caller.invitations.create({
      tenantId: tenant.id,
      email: invitee.user.email,
      role: "REVIEWER",
    });
    expect((await callerFor(null).invitations.preview({ token: tokenOf(inv.link) })).hasAccount).toBe(true);
    expect((await caught(stranger.caller.invitations.accept({ token: tokenOf(inv.link) }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await invitee.caller.invitations.accept({ token: tokenOf(inv.link) })).toEqual({
      tenantId: tenant.id,
      slug: tenant.slug,
    });
    const me = await invitee.caller.account.me();
    expect(me.tenants.map((t) => t.role).sort()).toEqual(["OWNER", "REVIEWER"]);
    expect(me.lastTenantId).toBe(tenant.id);
  });

  it("expired, revoked and replaced invitations cannot be used", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const email = `x-${uniq()}@example.com`;
    const first = await caller.invitations.create({ tenantId: tenant.id, email, role: "VIEWER" });
    const second = await caller.invitations.create({ tenantId: tenant.id, email, role: "AGENT" }); // replaces the first
    expect((await callerFor(null).invitations.preview({ token: tokenOf(first.link) })).status).toBe(
      "revoked",
    );
    await caller.invitations.revoke({ tenantId: tenant.id, invitationId: second.id });
    expect((await callerFor(null).invitations.preview({ token: tokenOf(second.link) })).status).toBe(
      "revoked",
    );

    const third = await caller.invitations.create({ tenantId: tenant.id, email, role: "AGENT" });
    const client = await db();
    await client.invitation.update({
      where: { id: third.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await callerFor(null).invitations.preview({ token: tokenOf(third.link) })).status).toBe(
      "expired",
    );
    const err = await caught(
      callerFor(null).invitations.acceptAsNewUser({
        token: tokenOf(third.link),
        name: "X",
        password: PASSWORD,
      }),
    );
    expect(err.message).toMatch(/expired/);
    expect(await client.user.count({ where: { email } })).toBe(0);
  });

  it("refuses to invite an existing member, the OWNER role, or ADMIN by a non-owner", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    expect(
      (await caught(caller.invitations.create({ tenantId: tenant.id, email: user.email, role: "AGENT" })))
        .code,
    ).toBe("CONFLICT");
    expect(
      (
        await caught(
          caller.invitations.create({
            tenantId: tenant.id,
            email: `o-${uniq()}@example.com`,
            role: "OWNER" as never,
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    const admin = await memberOf(tenant.id, "ADMIN");
    expect(
      (
        await caught(
          admin.caller.invitations.create({
            tenantId: tenant.id,
            email: `a-${uniq()}@example.com`,
            role: "ADMIN",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await admin.caller.invitations.create({
          tenantId: tenant.id,
          email: `a-${uniq()}@example.com`,
          role: "AGENT",
        })
      ).link,
    ).toBeTruthy();
  });
});

describe("members", () => {
  it("owner changes roles and removes members; audit records both", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const agent = await memberOf(tenant.id, "AGENT");
    expect(
      await caller.members.changeRole({
        tenantId: tenant.id,
        membershipId: agent.membershipId,
        role: "REVIEWER",
      }),
    ).toEqual({ id: agent.membershipId, role: "REVIEWER" });
    expect(await caller.members.remove({ tenantId: tenant.id, membershipId: agent.membershipId })).toEqual({
      ok: true,
    });
    expect((await caught(agent.caller.tenant.get({ tenantId: tenant.id }))).code).toBe("NOT_FOUND");
    const log = await caller.audit.list({ tenantId: tenant.id });
    expect(log.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["member.role_changed", "member.removed"]),
    );
  });

  it("enforces who may manage whom", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const ownerRow = (await caller.members.list({ tenantId: tenant.id }))[0];
    const admin = await memberOf(tenant.id, "ADMIN");
    const admin2 = await memberOf(tenant.id, "ADMIN");
    const agent = await memberOf(tenant.id, "AGENT");
    const t = tenant.id;
    expect((await caught(admin.caller.members.remove({ tenantId: t, membershipId: ownerRow.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (
        await caught(
          admin.caller.members.changeRole({ tenantId: t, membershipId: admin2.membershipId, role: "VIEWER" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await caught(
          admin.caller.members.changeRole({ tenantId: t, membershipId: admin.membershipId, role: "VIEWER" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await caught(
          admin.caller.members.changeRole({ tenantId: t, membershipId: agent.membershipId, role: "ADMIN" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await caught(
          caller.members.changeRole({ tenantId: t, membershipId: agent.membershipId, role: "OWNER" }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    expect(
      await admin.caller.members.changeRole({
        tenantId: t,
        membershipId: agent.membershipId,
        role: "VIEWER",
      }),
    ).toMatchObject({ role: "VIEWER" });
    expect(
      (await caught(agent.caller.members.remove({ tenantId: t, membershipId: admin.membershipId }))).code,
    ).toBe("FORBIDDEN");
  });

  it("transfers ownership: the old owner becomes ADMIN", async () => {
    const { caller, tenant, user } = await ownerWithTenant();
    const admin = await memberOf(tenant.id, "ADMIN");
    expect(
      (
        await caught(
          admin.caller.tenant.transferOwnership({ tenantId: tenant.id, membershipId: admin.membershipId }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await caller.tenant.transferOwnership({ tenantId: tenant.id, membershipId: admin.membershipId });
    const roles = Object.fromEntries(
      (await caller.members.list({ tenantId: tenant.id })).map((m) => [m.userId, m.role]),
    );
    expect(roles).toEqual({ [user.id]: "ADMIN", [admin.user.id]: "OWNER" });
    expect((await caught(caller.tenant.delete({ tenantId: tenant.id, confirmSlug: tenant.slug }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("role limits", () => {
  it("each role reaches exactly what the permission map allows", async () => {
    const { tenant } = await ownerWithTenant();
    const t = tenant.id;
    const viewer = await memberOf(t, "VIEWER");
    const agent = await memberOf(t, "AGENT");
    const reviewer = await memberOf(t, "REVIEWER");
    for (const m of [viewer, agent, reviewer]) {
      expect((await m.caller.tenant.get({ tenantId: t })).id).toBe(t);
      expect((await m.caller.members.list({ tenantId: t })).length).toBe(4);
      expect((await caught(m.caller.tenant.update({ tenantId: t, name: "Hacked" }))).code).toBe("FORBIDDEN");
      expect((await caught(m.caller.invitations.list({ tenantId: t }))).code).toBe("FORBIDDEN");
      expect((await caught(m.caller.apiKeys.create({ tenantId: t, name: "k" }))).code).toBe("FORBIDDEN");
      expect((await caught(m.caller.audit.list({ tenantId: t }))).code).toBe("FORBIDDEN");
    }
  });
});
