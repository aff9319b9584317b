import type { Prisma } from "../../db/generated/prisma/client";

export type TAuditEntry = {
  tenantId: string;
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Records an admin action in the same transaction as the change it describes. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      data: entry.data ?? {},
      ip: entry.ip ?? null,
    },
  });
}
