import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env, reloadEnv, setEnvDefault } from "./env";

// The embedded default must run with no configuration at all, yet sessions and stored secrets need
// stable keys. Missing keys are generated once and kept in <KEFU_DATA_DIR>/secrets.json (mode 0600).
// Production sets NEXTAUTH_SECRET and KEFU_ENCRYPTION_KEY explicitly (every instance must share them).

const ZSecrets = z.object({ nextauthSecret: z.string().min(32), encryptionKey: z.string().min(40) });

export function ensureSecrets(): { generated: boolean; file: string | null } {
  const e = env();
  if (e.NEXTAUTH_SECRET && e.KEFU_ENCRYPTION_KEY) return { generated: false, file: null };
  const file = path.resolve(e.KEFU_DATA_DIR, "secrets.json");
  let secrets: z.infer<typeof ZSecrets>;
  let generated = false;
  const existing = fs.existsSync(file) ? ZSecrets.safeParse(JSON.parse(fs.readFileSync(file, "utf8"))) : null;
  if (existing?.success) {
    secrets = existing.data;
  } else {
    secrets = {
      nextauthSecret: randomBytes(32).toString("base64url"),
      encryptionKey: randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    generated = true;
  }
  setEnvDefault("NEXTAUTH_SECRET", secrets.nextauthSecret);
  setEnvDefault("KEFU_ENCRYPTION_KEY", secrets.encryptionKey);
  reloadEnv();
  return { generated, file };
}
