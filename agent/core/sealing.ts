import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// AES-256-GCM with a per-record random 96-bit IV. The key comes from a random machine secret through
// scrypt, so a copied data file (credential or queue) is useless without the secret file next to it.
// Threat model (docs/agent.md): this does NOT protect against anyone who can read the user's files.

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = "v1.";

export type TSealKey = { readonly key: Buffer; readonly purpose: string };

/** Reads the machine secret, creating it (0600) on first run. */
export function loadOrCreateMachineSecret(path: string): Buffer {
  if (existsSync(path)) {
    const hex = readFileSync(path, "utf8").trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`machine secret ${path} is corrupt`);
    return Buffer.from(hex, "hex");
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  // "wx" fails if another process created it in between, instead of silently replacing its secret.
  writeFileSync(path, secret.toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return secret;
}

const masterKeys = new Map<string, Buffer>();

/**
 * One key per purpose, so a sealed credential can never be replayed as a queue record or vice versa:
 * scrypt turns the machine secret into a master key once per process, HKDF derives the purpose keys.
 * (Only one scrypt call: each needs 16 MiB, and glibc keeps a second such block resident for good,
 * which alone would cost the agent a fifth of its memory budget.)
 */
export function deriveKey(machineSecret: Buffer, purpose: string): TSealKey {
  const id = machineSecret.toString("hex");
  let master = masterKeys.get(id);
  if (!master) {
    master = scryptSync(machineSecret, "kefu-agent/v1", 32, { N: 16384, r: 8, p: 1 });
    masterKeys.set(id, master);
  }
  return { key: Buffer.from(hkdfSync("sha256", master, "kefu-agent/v1", purpose, 32)), purpose };
}

export function seal(k: TSealKey, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  cipher.setAAD(Buffer.from(k.purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Opens a sealed string; throws when it was tampered with, torn or sealed with another key. */
export function unseal(k: TSealKey, sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error("not a sealed record");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("sealed record too short");
  const decipher = createDecipheriv("aes-256-gcm", k.key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(k.purpose));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}
