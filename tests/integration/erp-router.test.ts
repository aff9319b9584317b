import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { erpSyncSchedule } from "../../inngest/functions/erp/sync-erp-schedule";
import { drainInProcessJobs } from "../../inngest/runner";
import { db } from "../../server/db/client";
import { reloadEnv } from "../../server/env";
import { dueErpSyncs } from "../../server/services/erp/due-erp-syncs";
import { isPrivateAddress } from "../../server/http/url-guard";
import { startFakeErp } from "../fakes/fake-erp";
import { seedFakeErp, type TFakeErp } from "./erp-helpers";
import { caught, memberOf, ownerWithTenant } from "./helpers";

// The erp router end to end against the fake ERP: connections (credentials write-only), the SSRF
// guard, "test connection", "sync now" through the in-process job runner, the sync runs table with
// keyset paging, permissions, and the schedule tick that emits due syncs.

let erp: TFakeErp;
beforeAll(async () => {
  erp = await startFakeErp();
});
afterAll(async () => {
  delete process.env.KEFU_ERP_ALLOW_PRIVATE;
  reloadEnv();
  await erp.close();
});
beforeEach(() => {
  seedFakeErp(erp);
  erp.state.calls = [];
  // the fake ERP listens on 127.0.0.1; the guard is switched on per test where it is under test
  process.env.KEFU_ERP_ALLOW_PRIVATE = "1";
  reloadEnv();
});

type TOwner = Awaited<ReturnType<typeof ownerWithTenant>>;

function zhibang(o: { baseUrl?: string; password?: string; schedule?: "off" | "hourly" | "daily" } = {}) {
  return {
    kind: "ZHIBANG" as const,
    name: "智邦 ERP",
    baseUrl: o.baseUrl ?? erp.url,
    credentials: { ...erp.credentials, ...(o.password ? { password: o.password } : {}) },
    config: { pageSize: 2 },
    schedule: o.schedule ?? "off",
    enabled: true,
  };
}

async function connect(owner: TOwner, o: Parameters<typeof zhibang>[0] = {}) {
  return owner.caller.erp.create({ tenantId: owner.tenant.id, connection: zhibang(o) });
}

describe("erp connections", () => {
  it("stores credentials write-only and keeps them on an update without credentials", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const created = await connect(owner);
    expect(created).toMatchObject({
      name: "智邦 ERP",
      kind: "ZHIBANG",
      credentialsSet: true,
      schedule: "off",
    });
    const listed = await owner.caller.erp.list({ tenantId: t });
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(erp.credentials.password);
    expect(listed[0]).not.toHaveProperty("credentials");
    expect(listed[0]).not.toHaveProperty("credentialsEnc");

    const { credentials: _omit, ...withoutCredentials } = zhibang({ schedule: "daily" });
    const updated = await owner.caller.erp.update({
      tenantId: t,
      connectionId: created.id,
      connection: { ...withoutCredentials, name: "ERP 主库" },
    });
    expect(updated).toMatchObject({ name: "ERP 主库", schedule: "daily", credentialsSet: true });
    // the stored credentials still log in
    expect(await owner.caller.erp.test({ tenantId: t, connectionId: created.id })).toMatchObject({
      ok: true,
      sample: 2,
      error: null,
    });
    const client = await db();
    const audit = await client.auditLog.findMany({ where: { tenantId: t, action: { startsWith: "erp." } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["erp.connection.create", "erp.connection.update"]);
    expect(JSON.stringify(audit)).not.toContain(erp.credentials.password);
  });

  it("validates the generic REST configuration and the URL scheme", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const bad = await caught(
      owner.caller.erp.create({
        tenantId: t,
        connection: {
          kind: "GENERIC_REST",
          name: "REST",
          baseUrl: erp.url,
          credentials: { username: "api", password: "x" },
          config: {
            customers: { path: "no-slash" },
            orders: { path: "/rest/orders" },
            products: { path: "/rest/products" },
            pushCustomer: { path: "/rest/customers" },
            lookupOrder: { path: "/rest/orders" },
          },
          schedule: "off",
          enabled: true,
        },
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("must start with /");
    expect(bad.message).toContain("must contain {orderNo}");
    const ftp = await caught(connect(owner, { baseUrl: "ftp://erp.example.com" }));
    expect(ftp.code).toBe("BAD_REQUEST");
    expect(await owner.caller.erp.list({ tenantId: t })).toEqual([]);
  });

  it("refuses loopback and private addresses unless KEFU_ERP_ALLOW_PRIVATE is set", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner);
    delete process.env.KEFU_ERP_ALLOW_PRIVATE;
    reloadEnv();
    const refused = await caught(owner.caller.erp.test({ tenantId: t, connectionId: conn.id }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/private or local/);
    expect((await caught(owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(erp.state.calls).toHaveLength(0);
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "::ffff:10.0.0.1",
      "fd00::1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("reports a failed login without retrying it", async () => {
    const owner = await ownerWithTenant();
    const conn = await connect(owner, { password: "wrong-password" });
    const r = await owner.caller.erp.test({ tenantId: owner.tenant.id, connectionId: conn.id });
    expect(r).toMatchObject({ ok: false, sample: null, error: { kind: "auth" } });
    expect(erp.state.calls.filter((c) => c.path === "/webapi/v3/ov1/login")).toHaveLength(1);
  });

  it("deletes a connection with its runs, keeping synced customers", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner);
    await owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id });
    await drainInProcessJobs();
    await owner.caller.erp.delete({ tenantId: t, connectionId: conn.id });
    expect(await owner.caller.erp.list({ tenantId: t })).toEqual([]);
    expect((await owner.caller.erp.runs({ tenantId: t })).items).toEqual([]);
    const client = await db();
    expect(await client.contact.count({ where: { tenantId: t } })).toBe(5);
    expect((await caught(owner.caller.erp.delete({ tenantId: t, connectionId: conn.id }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("sync now and the runs table", () => {
  it("runs the job and lists its runs newest first, keyset paged, with counts and durations", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner);
    const { requestedAt } = await owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id });
    expect(requestedAt).toBeInstanceOf(Date);
    await drainInProcessJobs();

    const first = await owner.caller.erp.runs({ tenantId: t, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2].id);
    const second = await owner.caller.erp.runs({ tenantId: t, limit: 3, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...second.items];
    expect(all.map((r) => r.entity).sort()).toEqual(["customers", "orders", "products", "push"]);
    for (const r of all) {
      expect(r).toMatchObject({ status: "SUCCEEDED", trigger: "MANUAL", connectionName: "智邦 ERP" });
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
    }
    const times = all.map((r) => r.startedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const customers = all.find((r) => r.entity === "customers")!;
    expect(customers.counts).toMatchObject({ created: 5, pages: 3 });
    expect(await owner.caller.erp.run({ tenantId: t, runId: customers.id })).toEqual(customers);
    const [listed] = await owner.caller.erp.list({ tenantId: t });
    expect(listed.lastSyncAt).not.toBeNull();
    expect(listed.lastRun?.status).toBe("SUCCEEDED");
  });

  it("records a failing page as a FAILED run with the error", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner, { password: "wrong-password" });
    await owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id });
    await drainInProcessJobs();
    const { items } = await owner.caller.erp.runs({ tenantId: t, connectionId: conn.id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ entity: "customers", status: "FAILED" });
    expect(items[0].errors[0]?.message).toBeTruthy();
  });

  it("refuses a second sync while one is running and a disabled connection", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner);
    const client = await db();
    await client.syncRun.create({
      data: { tenantId: t, connectionId: conn.id, trigger: "MANUAL", entity: "customers" },
    });
    expect((await caught(owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id }))).code).toBe(
      "CONFLICT",
    );
    await owner.caller.erp.update({
      tenantId: t,
      connectionId: conn.id,
      connection: { ...zhibang(), enabled: false },
    });
    expect((await caught(owner.caller.erp.syncNow({ tenantId: t, connectionId: conn.id }))).code).toBe(
      "CONFLICT",
    );
  });

  it("is for admins only", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const conn = await connect(owner);
    const admin = await memberOf(t, "ADMIN");
    expect(await admin.caller.erp.list({ tenantId: t })).toHaveLength(1);
    for (const role of ["AGENT", "REVIEWER", "VIEWER"] as const) {
      const m = await memberOf(t, role);
      expect((await caught(m.caller.erp.list({ tenantId: t }))).code).toBe("FORBIDDEN");
      expect((await caught(m.caller.erp.syncNow({ tenantId: t, connectionId: conn.id }))).code).toBe(
        "FORBIDDEN",
      );
    }
  });
});

describe("scheduled sync", () => {
  it("emits a sync for due connections only, and not again within the interval", async () => {
    const owner = await ownerWithTenant();
    const t = owner.tenant.id;
    const hourly = await connect(owner, { schedule: "hourly" });
    const off = await connect(owner, { schedule: "off" });
    const now = new Date();
    const mine = async (at: Date) => (await dueErpSyncs(at)).filter((d) => d.tenantId === t);
    expect(await mine(now)).toEqual([{ tenantId: t, connectionId: hourly.id }]);

    await erpSyncSchedule.tick();
    await drainInProcessJobs();
    const runs = (await owner.caller.erp.runs({ tenantId: t })).items;
    expect(runs.length).toBe(4);
    expect(new Set(runs.map((r) => r.connectionId))).toEqual(new Set([hourly.id]));
    expect(runs.every((r) => r.trigger === "SCHEDULE" && r.status === "SUCCEEDED")).toBe(true);
    expect(off.schedule).toBe("off");

    expect(await mine(new Date(Date.now() + 30 * 60_000))).toEqual([]);
    expect(await mine(new Date(Date.now() + 61 * 60_000))).toEqual([
      { tenantId: t, connectionId: hourly.id },
    ]);
  });
});
