import { db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { createTenantRecord } from "../tenants/create-tenant-record";
import { hashPassword } from "./password";
import type { TSignUpInput } from "./schemas";

/** Creates the user, the company's tenant and the OWNER membership in one transaction. */
export async function signUp(input: TSignUpInput, ctx: { ip?: string | null; language?: string } = {}) {
  const client = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    return await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, locale: ctx.language },
        select: { id: true, email: true, name: true },
      });
      const tenant = await createTenantRecord(tx, {
        name: input.company,
        ownerId: user.id,
        language: ctx.language,
      });
      await tx.user.update({ where: { id: user.id }, data: { lastTenantId: tenant.id } });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorId: user.id,
        actorEmail: user.email,
        action: "tenant.created",
        targetType: "tenant",
        targetId: tenant.id,
        ip: ctx.ip,
      });
      return { user, tenant };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "An account with this email already exists", "email");
    }
    throw e;
  }
}
