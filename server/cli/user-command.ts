import { z } from "zod";
import { db } from "../db/client";
import { hashPassword, ZPassword } from "../services/accounts/password";
import { ZEmail } from "../services/accounts/schemas";
import { parseFlags } from "./args";

const USAGE = `kefu user reset-password --email <email> --password <new password>
  Sets a new password and clears a login lockout.`;

const ZReset = z.object({ email: ZEmail, password: ZPassword });

export async function userCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "reset-password" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  const flags = parseFlags(argv.slice(1), ["email", "password"], ZReset);
  if (!flags.ok) {
    console.error(`${flags.error}\n\n${USAGE}`);
    return 2;
  }
  const client = await db();
  const res = await client.user.updateMany({
    where: { email: flags.value.email },
    data: { passwordHash: await hashPassword(flags.value.password), failedLoginCount: 0, lockedUntil: null },
  });
  if (res.count === 0) {
    console.error(`No user with email ${flags.value.email}.`);
    return 1;
  }
  console.log(`Password reset for ${flags.value.email}; any lockout is cleared.`);
  return 0;
}
