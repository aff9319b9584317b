import { z } from "zod";
import { listAudit, ZListAuditInput } from "../../services/audit/list-audit";
import { createRouter, tenantProcedure } from "../init";

const ZAuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.date(),
});

export const auditRouter = createRouter({
  list: tenantProcedure("audit.read")
    .input(ZListAuditInput)
    .output(z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => {
      const { tenantId: _t, ...query } = input;
      return listAudit(ctx.tenant.id, query);
    }),
});
