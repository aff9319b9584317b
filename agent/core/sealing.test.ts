import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempAgentDir } from "../test-support/agent-harness";
import { CredentialError, loadCredential, saveCredential } from "./credential-store";
import { deriveKey, loadOrCreateMachineSecret, seal, unseal } from "./sealing";

const credential = {
  server: "http://127.0.0.1:3000",
  deviceId: "dev-1",
  deviceToken: "secret-token-abc",
  tenantId: "t-1",
  wsUrl: "ws://127.0.0.1:3000/agent/ws",
  deviceName: "前台电脑",
  pairedAt: "2026-01-05T10:00:00.000Z",
};

describe("sealing and the credential store", () => {
  it("creates the machine secret once, with 0600 permissions", () => {
    const path = join(tempAgentDir(), "machine.key");
    const first = loadOrCreateMachineSecret(path);
    expect(loadOrCreateMachineSecret(path).equals(first)).toBe(true);
    if (process.platform !== "win32") expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("round-trips, and refuses tampering and keys of another purpose", () => {
    const secret = loadOrCreateMachineSecret(join(tempAgentDir(), "machine.key"));
    const key = deriveKey(secret, "queue");
    const sealed = seal(key, "你好");
    expect(unseal(key, sealed)).toBe("你好");
    expect(() => unseal(deriveKey(secret, "credential"), sealed)).toThrow();
    const flipped = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => unseal(key, flipped)).toThrow();
  });

  it("stores the credential encrypted and cannot read it with another machine's secret", () => {
    const dir = tempAgentDir();
    const key = deriveKey(loadOrCreateMachineSecret(join(dir, "machine.key")), "credential");
    const path = join(dir, "credential.sealed");
    saveCredential(path, key, credential);
    expect(readFileSync(path, "utf8")).not.toContain("secret-token-abc");
    expect(loadCredential(path, key)).toEqual(credential);
    const otherKey = deriveKey(loadOrCreateMachineSecret(join(tempAgentDir(), "machine.key")), "credential");
    expect(() => loadCredential(path, otherKey)).toThrow(CredentialError);
    expect(() => loadCredential(join(dir, "missing"), key)).toThrow(/not paired/);
  });
});
