import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import type { AppError } from "../../server/errors";
import { authenticate } from "../../server/services/accounts/authenticate";
import { callerFor, caught, errorCode, ownerWithTenant, PASSWORD, uniq } from "./helpers";

describe("sign-up", () => {
  it("creates the user, a tenant and the OWNER membership", async () => {
    const email = `new-${uniq()}@example.com`;
    const res = await callerFor(null).account.signUp({
      name: "李雷",
      email,
      password: PASSWORD,
      company: "上海示例贸易",
    });
    expect(res.tenant.slug).toMatch(/^team-[0-9a-f]{6}$/); // Chinese names get a random ASCII slug
    const me = await callerFor(res.userId).account.me();
    expect(me.tenants).toEqual([expect.objectContaining({ id: res.tenant.id, role: "OWNER" })]);
    expect(me.tenants[0].permissions).toContain("tenant.delete");
    const client = await db();
    expect(
      await client.auditLog.count({ where: { tenantId: res.tenant.id, action: "tenant.created" } }),
    ).toBe(1);
  });

  it("refuses a second account with the same email (any case) and writes nothing", async () => {
    const email = `dup-${uniq()}@example.com`;
    await callerFor(null).account.signUp({ name: "A", email, password: PASSWORD, company: "First Co" });
    const client = await db();
    const before = await client.tenant.count();
    const err = await caught(
      callerFor(null).account.signUp({
        name: "B",
        email: email.toUpperCase(),
        password: PASSWORD,
        company: "Second Co",
      }),
    );
    expect(err.code).toBe("CONFLICT");
    expect((err.cause as AppError).field).toBe("email");
    expect(await client.tenant.count()).toBe(before);
  });

  it("validates input with clear messages", async () => {
    const err = await caught(
      callerFor(null).account.signUp({ name: "", email: "nope", password: "short", company: "X" }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/Password must be at least 8 characters/);
  });

  it("gives ASCII company names a readable slug and avoids collisions", async () => {
    const a = await callerFor(null).account.signUp({
      name: "A",
      email: `a-${uniq()}@example.com`,
      password: PASSWORD,
      company: "Blue Ocean Ltd",
    });
    const b = await callerFor(null).account.signUp({
      name: "B",
      email: `b-${uniq()}@example.com`,
      password: PASSWORD,
      company: "Blue Ocean Ltd",
    });
    expect(a.tenant.slug === "blue-ocean-ltd" || b.tenant.slug === "blue-ocean-ltd").toBe(true);
    expect(a.tenant.slug).not.toBe(b.tenant.slug);
  });
});

describe("login and lockout", () => {
  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    const { user } = await ownerWithTenant();
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 1; i <= 4; i++) {
      const e = (await caught(authenticate(user.email, "wrong-password", t0))) as unknown as AppError;
      expect(e.code).toBe("UNAUTHORIZED");
      expect(e.details?.attemptsLeft).toBe(5 - i);
    }
    const fifth = (await caught(authenticate(user.email, "wrong-password", t0))) as unknown as AppError;
    expect(fifth.code).toBe("LOCKED");
    const locked = (await caught(
      authenticate(user.email, PASSWORD, new Date(t0.getTime() + 14 * 60_000)),
    )) as unknown as AppError;
    expect(locked.code).toBe("LOCKED");
    expect(locked.details?.minutes).toBe(1);
    const after = await authenticate(user.email, PASSWORD, new Date(t0.getTime() + 15 * 60_000 + 1));
    expect(after.id).toBe(user.id);
  });

  it("resets the failure count after a success", async () => {
    const { user } = await ownerWithTenant();
    for (let i = 0; i < 4; i++) await authenticate(user.email, "bad").catch(() => {});
    await authenticate(user.email, PASSWORD);
    const e = (await caught(authenticate(user.email, "bad"))) as unknown as AppError;
    expect(e.details?.attemptsLeft).toBe(4);
  });

  it("answers unknown emails like wrong passwords", async () => {
    const e = (await caught(authenticate(`ghost-${uniq()}@example.com`, "whatever"))) as unknown as AppError;
    expect(e.code).toBe("UNAUTHORIZED");
  });
});

describe("sessions", () => {
  it("rejects anonymous callers and users that no longer exist", async () => {
    expect(await errorCode(callerFor(null).account.me())).toBe("UNAUTHORIZED");
    expect(await errorCode(callerFor("00000000-0000-4000-8000-000000000000").account.me())).toBe(
      "UNAUTHORIZED",
    );
  });

  it("lets a user create another tenant and remembers the last one", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const second = await caller.account.createTenant({ name: "Second Shop" });
    expect((await caller.account.me()).tenants.map((t) => t.id)).toEqual([tenant.id, second.id]);
    expect(await caller.account.rememberTenant({ tenantId: second.id })).toEqual({ ok: true });
    expect((await caller.account.me()).lastTenantId).toBe(second.id);
    const other = await ownerWithTenant();
    expect(await caller.account.rememberTenant({ tenantId: other.tenant.id })).toEqual({ ok: false });
  });
});
