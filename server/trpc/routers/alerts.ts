import { z } from "zod";
import { ZAlertRule, ZUpdateAlertRuleInput } from "../../services/alerts/alert-kinds";
import { listAlertEvents, openAlertCount } from "../../services/alerts/alert-events";
import { listAlertRules, updateAlertRule } from "../../services/alerts/alert-rules";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";

const ZAlertEvent = z.object({
  id: z.string(),
  kind: z.string(),
  message: z.string(),
  value: z.number().nullable(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export const alertsRouter = createRouter({
  rules: tenantProcedure("tenant.update")
    .output(z.array(ZAlertRule))
    .query(({ ctx }) => listAlertRules(ctx.tenant.id)),

  updateRule: tenantProcedure("tenant.update")
    .input(ZUpdateAlertRuleInput)
    .output(z.array(ZAlertRule))
    .mutation(({ ctx, input }) => updateAlertRule(ctx.tenant.id, actorOf(ctx), input)),

  list: tenantProcedure("system.read")
    .output(z.object({ open: z.array(ZAlertEvent), resolved: z.array(ZAlertEvent) }))
    .query(({ ctx }) => listAlertEvents(ctx.tenant.id)),

  openCount: tenantProcedure("system.read")
    .output(z.object({ open: z.number().int() }))
    .query(async ({ ctx }) => ({ open: await openAlertCount(ctx.tenant.id) })),
});
