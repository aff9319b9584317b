import { z } from "zod";
import { db } from "../../db/client";
import { cursorPage } from "../../db/cursor-page";

export const ZListAuditInput = z.object({
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(100).default(30),
  action: z.string().max(60).optional(),
});

export async function listAudit(tenantId: string, input: z.infer<typeof ZListAuditInput>) {
  const client = await db();
  const rows = await client.auditLog.findMany({
    where: { tenantId, ...(input.action ? { action: { startsWith: input.action } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      action: true,
      actorEmail: true,
      targetType: true,
      targetId: true,
      data: true,
      ip: true,
      createdAt: true,
    },
  });
  return cursorPage(rows, input.limit);
}
