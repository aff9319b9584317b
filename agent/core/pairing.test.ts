import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeKefuServer } from "../test-support/fake-server";
import { pairDevice, PairingError } from "./pairing";

const request = { deviceName: "前台电脑", platform: "win32", agentVersion: "0.1.0" };
const server = new FakeKefuServer();

beforeAll(async () => {
  await server.start();
  server.codes.set("GOOD01", { status: 200, deviceToken: "paired-token" });
  server.codes.set("OLD001", { status: 410 });
  server.codes.set("SLOW01", { status: 429 });
});
afterAll(() => server.kill());

async function pairError(code: string, base = server.url): Promise<PairingError> {
  const err = await pairDevice(base, { ...request, code }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PairingError);
  return err as PairingError;
}

describe("pairDevice", () => {
  it("exchanges a code for a device credential, once", async () => {
    const result = await pairDevice(server.url, { ...request, code: "GOOD01" });
    expect(result).toEqual({
      deviceId: "dev-1",
      deviceToken: "paired-token",
      tenantId: "tenant-1",
      wsUrl: server.wsUrl,
    });
    expect((await pairError("GOOD01")).kind).toBe("invalid_code");
  });

  it("maps every documented error status to a clear message", async () => {
    const unknown = await pairError("NOPE00");
    expect([unknown.status, unknown.kind, unknown.serverCode]).toEqual([404, "invalid_code", "NOT_FOUND"]);
    expect((await pairError("OLD001")).message).toMatch(/expired/);
    expect((await pairError("SLOW01")).kind).toBe("rate_limited");
  });

  it("reports a 400 for a bad body", async () => {
    const err = await pairDevice(server.url, { ...request, code: 42 as unknown as string }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ kind: "bad_request", status: 400 });
  });

  it("reports an unreachable server as a network error", async () => {
    const err = await pairError("GOOD01", "http://127.0.0.1:1");
    expect(err.kind).toBe("network");
  });
});
