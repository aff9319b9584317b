import { randomBytes, randomUUID } from "node:crypto";
import { db } from "../../server/db/client";
import type { Role } from "../../server/db/generated/prisma/enums";
import { hashPassword } from "../../server/services/accounts/password";
import { signUp } from "../../server/services/accounts/sign-up";
import { createCaller } from "../../server/trpc/root";

export const PASSWORD = "correct horse battery";

export const uniq = () => randomBytes(4).toString("hex");

export function callerFor(userId: string | null) {
  return createCaller({ userId, ip: "127.0.0.1", requestId: randomUUID() });
}

/** A new owner with their own tenant, as sign-up creates them. */
export async function ownerWithTenant(company = `Acme ${uniq()}`) {
  const email = `owner-${uniq()}@example.com`;
  const { user, tenant } = await signUp({ name: "Owner", email, password: PASSWORD, company });
  return { user, tenant, caller: callerFor(user.id) };
}

/** A user added to the tenant with the given role (bypassing invitations). */
export async function memberOf(tenantId: string, role: Role) {
  const client = await db();
  const user = await client.user.create({
    data: {
      email: `${role.toLowerCase()}-${uniq()}@example.com`,
      name: role,
      passwordHash: await hashPassword(PASSWORD),
    },
    select: { id: true, email: true, name: true },
  });
  const membership = await client.membership.create({
    data: { tenantId, userId: user.id, role },
    select: { id: true },
  });
  return { user, membershipId: membership.id, caller: callerFor(user.id) };
}

/** Awaits a promise expected to fail with a tRPC error code. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? "UNKNOWN";
  }
  return "NO_ERROR";
}

export type TCaught = Error & {
  code: string;
  cause?: unknown;
  details?: Record<string, unknown>;
  field?: string;
};

/** Awaits a promise expected to fail and returns the error (fails the test if it resolves). */
export async function caught(p: Promise<unknown>): Promise<TCaught> {
  try {
    await p;
  } catch (e) {
    return e as TCaught;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
