import { db } from "../../db/client";
import { AppError } from "../../errors";
import { LOCKOUT_MS, lockedMinutesLeft, MAX_FAILED_LOGINS } from "./lockout";
import { hashPassword, verifyPassword } from "./password";
import { ZEmail } from "./schemas";

export type TAuthenticatedUser = { id: string; email: string; name: string };

// Verified against a hash even for unknown emails, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | null = null;

/** Checks credentials with lockout. Throws AppError LOCKED or UNAUTHORIZED. */
export async function authenticate(
  emailInput: string,
  password: string,
  now = new Date(),
): Promise<TAuthenticatedUser> {
  const parsed = ZEmail.safeParse(emailInput);
  if (!parsed.success || !password) throw new AppError("UNAUTHORIZED", "Invalid email or password");
  const client = await db();
  const user = await client.user.findUnique({ where: { email: parsed.data } });
  if (!user) {
    await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password")), password);
    throw new AppError("UNAUTHORIZED", "Invalid email or password");
  }
  const minutes = lockedMinutesLeft(user.lockedUntil, now);
  if (minutes > 0) throw lockedError(minutes);

  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await client.user.update({
      where: { id: user.id },
      data: lock
        ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
        : { failedLoginCount: failures },
    });
    if (lock) throw lockedError(Math.ceil(LOCKOUT_MS / 60_000));
    throw new AppError("UNAUTHORIZED", "Invalid email or password", undefined, {
      attemptsLeft: MAX_FAILED_LOGINS - failures,
    });
  }
  await client.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  return { id: user.id, email: user.email, name: user.name };
}

function lockedError(minutes: number) {
  return new AppError(
    "LOCKED",
    `Too many failed attempts. The account is locked for ${minutes} more minute(s).`,
    undefined,
    { minutes },
  );
}
