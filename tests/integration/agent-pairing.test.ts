import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as pair } from "../../app/api/agent/pair/route";
import { deviceCommand } from "../../server/cli/device-command";
import { hashToken } from "../../server/crypto/secrets";
import { db } from "../../server/db/client";
import { authenticateDevice, createPairingCode } from "../../server/services/devices/pairing";
import { PAIRING_ALPHABET } from "../../server/services/devices/pairing-code";
import { caught, memberOf, ownerWithTenant, uniq } from "./helpers";

// Pairing through the real route handler: every status of docs/agent-protocol.md §1, single use under
// concurrency, expiry, hashed storage; the tRPC procedure's permission and the CLI command.

let ipCounter = 0;
function post(body: unknown, ip = `10.0.${++ipCounter % 250}.${Math.floor(Math.random() * 250)}`) {
  return pair(
    new Request("http://kefu.test/api/agent/pair", {
      method: "POST",
      headers: { "content-type": "application/json", host: "kefu.test", "x-forwarded-for": ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}
const request = (code: string) => ({
  code,
  deviceName: "前台电脑",
  platform: "win32",
  agentVersion: "0.1.0",
});

afterEach(() => vi.useRealTimers());

describe("pairing", () => {
  it("exchanges a code from the dashboard for a device token", async () => {
    const { tenant, caller } = await ownerWithTenant();
    const { code, expiresAt } = await caller.devices.createPairingCode({ tenantId: tenant.id });
    expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`));
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(9.9 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const res = await post(request(code.toLowerCase().replace(/(.{4})/, "$1-"))); // typed loosely
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      deviceId: expect.any(String),
      deviceToken: expect.stringMatching(/^kdev_/),
      tenantId: tenant.id,
      wsUrl: "ws://kefu.test/agent/ws",
    });
    const client = await db();
    const device = await client.device.findUniqueOrThrow({ where: { id: body.deviceId } });
    expect(device).toMatchObject({
      tenantId: tenant.id,
      name: "前台电脑",
      platform: "win32",
      agentVersion: "0.1.0",
    });
    expect(device.tokenHash).toBe(hashToken(body.deviceToken)); // only the hash is stored
    const codeRow = await client.pairingCode.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(codeRow.codeHash).toBe(hashToken(code));
    expect(codeRow).toMatchObject({ deviceId: body.deviceId, usedAt: expect.any(Date) });
    expect(await authenticateDevice(body.deviceToken)).toMatchObject({
      id: body.deviceId,
      tenantId: tenant.id,
    });

    const again = await post(request(code));
    expect(again.status).toBe(404); // single use
    expect((await again.json()).error.code).toBe("NOT_FOUND");
    const list = await caller.devices.list({ tenantId: tenant.id });
    expect(list.map((d) => d.id)).toEqual([body.deviceId]);
  });

  it("refuses unknown codes (404), bad bodies (400) and expired codes (410)", async () => {
    const { tenant } = await ownerWithTenant();
    const unknown = await post(request("ZZZZ2222"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "NOT_FOUND", message: expect.any(String), field: null },
    });

    for (const bad of [
      "not json",
      "{",
      JSON.stringify({ code: "ABCD2345" }),
      JSON.stringify({ ...request("X"), deviceName: 5 }),
      "[]",
    ]) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(typeof body.error.message).toBe("string");
    }

    const { code } = await createPairingCode(tenant.id, null, new Date(Date.now() - 11 * 60_000));
    const expired = await post(request(code));
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.code).toBe("GONE");
    const client = await db();
    expect(await client.device.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("lets exactly one of many concurrent uses of a code win", async () => {
    const { tenant } = await ownerWithTenant();
    const { code } = await createPairingCode(tenant.id, null);
    const results = await Promise.all(Array.from({ length: 8 }, () => post(request(code))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
    const client = await db();
    expect(await client.device.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("answers 429 after too many attempts from one address", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${uniq()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(request("ZZZZ2222"), ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const body = await (await post(request("ZZZZ2222"), ip)).json();
    expect(body.error.code).toBe("TOO_MANY_REQUESTS");
    expect((await post(request("ZZZZ2222"), `${ip}-other`)).status).toBe(404); // per address
  });

  it("lets only device managers create codes", async () => {
    const { tenant } = await ownerWithTenant();
    const admin = await memberOf(tenant.id, "ADMIN");
    const agent = await memberOf(tenant.id, "AGENT");
    expect((await admin.caller.devices.createPairingCode({ tenantId: tenant.id })).code).toHaveLength(8);
    expect((await caught(agent.caller.devices.createPairingCode({ tenantId: tenant.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await caught(agent.caller.devices.list({ tenantId: tenant.id }))).code).toBe("FORBIDDEN");
  });

  it("prints a code from the CLI", async () => {
    const { tenant } = await ownerWithTenant();
    const out: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await deviceCommand(["code", "--tenant", tenant.slug])).toBe(0);
      expect(await deviceCommand(["code", "--tenant", `missing-${uniq()}`])).toBe(1);
      expect(await deviceCommand(["code"])).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    expect(out[0]).toMatch(/^[A-Z2-9]{8}$/);
    expect((await post(request(out[0]))).status).toBe(200);
  });
});
