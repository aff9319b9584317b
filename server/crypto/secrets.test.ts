import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "../env";
import { decryptSecret, encryptSecret, hashToken, newToken } from "./secrets";

beforeAll(() => {
  process.env.KEFU_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  reloadEnv();
});

describe("secrets", () => {
  it("round-trips through AES-256-GCM with a fresh IV each time", () => {
    const a = encryptSecret("sk-测试-key");
    const b = encryptSecret("sk-测试-key");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-");
    expect(decryptSecret(a)).toBe("sk-测试-key");
  });

  it("detects tampering", () => {
    const sealed = encryptSecret("secret").split(":");
    const data = Buffer.from(sealed[3], "base64");
    data[0] ^= 1;
    sealed[3] = data.toString("base64");
    expect(() => decryptSecret(sealed.join(":"))).toThrow();
  });

  it("makes prefixed tokens and stable hashes", () => {
    const t = newToken("inv_");
    expect(t).toMatch(/^inv_[A-Za-z0-9_-]{32}$/);
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).not.toBe(hashToken(newToken("inv_")));
  });
});
