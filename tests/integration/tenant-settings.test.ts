import { describe, expect, it } from "vitest";
import { resolveApiKey } from "../../server/services/apikeys/api-keys";
import { caught, ownerWithTenant, uniq } from "./helpers";

describe("tenant settings", () => {
  it("updates name, slug, timezone, language and notification email, and audits it", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const slug = `shop-${uniq()}`;
    const updated = await caller.tenant.update({
      tenantId: tenant.id,
      name: "新名字",
      slug,
      timezone: "Europe/Berlin",
      language: "en",
      notificationEmail: "ops@example.com",
    });
    expect(updated).toMatchObject({
      name: "新名字",
      slug,
      timezone: "Europe/Berlin",
      language: "en",
      notificationEmail: "ops@example.com",
    });
    expect(
      (await caller.tenant.update({ tenantId: tenant.id, notificationEmail: "" })).notificationEmail,
    ).toBeNull();
    const log = await caller.audit.list({ tenantId: tenant.id, action: "tenant.updated" });
    expect(log.items).toHaveLength(2);
  });

  it("rejects bad values with field-level errors", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const other = await ownerWithTenant();
    expect((await caught(caller.tenant.update({ tenantId: tenant.id, slug: "No Spaces!" }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await caught(caller.tenant.update({ tenantId: tenant.id, timezone: "Mars/Olympus" }))).message,
    ).toMatch(/Unknown time zone/);
    expect((await caught(caller.tenant.update({ tenantId: tenant.id, slug: "admin" }))).code).toBe(
      "CONFLICT",
    );
    const taken = await caught(caller.tenant.update({ tenantId: tenant.id, slug: other.tenant.slug }));
    expect(taken.code).toBe("CONFLICT");
    expect((taken.cause as { field?: string }).field).toBe("slug");
    expect((await caller.tenant.get({ tenantId: tenant.id })).slug).toBe(tenant.slug);
  });

  it("deletes a tenant only when the slug is typed, removing its data", async () => {
    const { caller, tenant } = await ownerWithTenant();
    expect((await caught(caller.tenant.delete({ tenantId: tenant.id, confirmSlug: "wrong" }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(await caller.tenant.delete({ tenantId: tenant.id, confirmSlug: tenant.slug })).toEqual({
      ok: true,
    });
    expect((await caller.account.me()).tenants).toEqual([]);
  });
});

describe("API keys", () => {
  it("shows a key once, stores only its hash, resolves it to the tenant until revoked", async () => {
    const { caller, tenant } = await ownerWithTenant();
    const created = await caller.apiKeys.create({ tenantId: tenant.id, name: "Shop backend" });
    expect(created.key).toMatch(/^kefu_[A-Za-z0-9_-]{32}$/);
    const listed = await caller.apiKeys.list({ tenantId: tenant.id });
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(created.key.startsWith(listed[0].prefix)).toBe(true);
    expect(await resolveApiKey(created.key)).toEqual({ tenantId: tenant.id, apiKeyId: created.id });
    expect((await caller.apiKeys.list({ tenantId: tenant.id }))[0].lastUsedAt).toBeInstanceOf(Date);
    await caller.apiKeys.revoke({ tenantId: tenant.id, apiKeyId: created.id });
    expect(await resolveApiKey(created.key)).toBeNull();
    expect((await caught(caller.apiKeys.revoke({ tenantId: tenant.id, apiKeyId: created.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await resolveApiKey("kefu_not-a-real-key")).toBeNull();
  });
});

describe("audit log", () => {
  it("pages newest first with a cursor", async () => {
    const { caller, tenant } = await ownerWithTenant();
    for (let i = 0; i < 5; i++) await caller.apiKeys.create({ tenantId: tenant.id, name: `k${i}` });
    const first = await caller.audit.list({ tenantId: tenant.id, limit: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toBeTruthy();
    const second = await caller.audit.list({ tenantId: tenant.id, limit: 4, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(2); // 5 keys + tenant.created
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(6);
    expect(second.items.at(-1)?.action).toBe("tenant.created");
  });
});
