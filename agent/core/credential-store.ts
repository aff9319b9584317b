import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { seal, unseal, type TSealKey } from "./sealing";

export const ZDeviceCredential = z.object({
  server: z.string().url(),
  deviceId: z.string().min(1),
  deviceToken: z.string().min(1),
  tenantId: z.string().min(1),
  wsUrl: z.string().url(),
  deviceName: z.string(),
  pairedAt: z.string(),
});
export type TDeviceCredential = z.infer<typeof ZDeviceCredential>;

/** Writes the credential sealed, via a temp file + rename so a crash never leaves half a credential. */
export function saveCredential(path: string, key: TSealKey, credential: TDeviceCredential): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, seal(key, JSON.stringify(ZDeviceCredential.parse(credential))) + "\n", { mode: 0o600 });
  renameSync(tmp, path);
}

export class CredentialError extends Error {}

export function loadCredential(path: string, key: TSealKey): TDeviceCredential {
  if (!existsSync(path)) {
    throw new CredentialError("This device is not paired yet. Run: kefu-agent pair <server> <code>");
  }
  let json: string;
  try {
    json = unseal(key, readFileSync(path, "utf8").trim());
  } catch {
    throw new CredentialError(
      "The stored credential cannot be decrypted (machine.key changed or the file was copied from another PC). Pair again.",
    );
  }
  return ZDeviceCredential.parse(JSON.parse(json));
}
