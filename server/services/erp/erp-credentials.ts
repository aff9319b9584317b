import { z } from "zod";
import { decryptSecret, encryptSecret } from "../../crypto/secrets";

// ERP credentials are stored only as AES-256-GCM ciphertext (ErpConnection.credentialsEnc) and decrypted
// just before a connector is built; they never leave the server.

export const ZErpCredentials = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  /** 智邦 login's `serialnum` (≤ 20 alphanumerics); unused by the generic connector */
  serialnum: z
    .string()
    .regex(/^[A-Za-z0-9]{0,20}$/)
    .optional(),
});
export type TErpCredentials = z.infer<typeof ZErpCredentials>;

export function sealErpCredentials(credentials: TErpCredentials): string {
  return encryptSecret(JSON.stringify(ZErpCredentials.parse(credentials)));
}

export function openErpCredentials(sealed: string): TErpCredentials {
  return ZErpCredentials.parse(JSON.parse(decryptSecret(sealed)));
}
