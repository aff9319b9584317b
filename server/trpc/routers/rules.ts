import { z } from "zod";
import type { TRuleIssue } from "../../services/rules/resolve-rules";
import type { TRuleDecision } from "../../services/rules/evaluate-rules";
import type { TRuleSet } from "../../services/rules/rule-schemas";
import { ZRuleType } from "../../services/rules/rule-schemas";
import {
  createRule,
  deleteRule,
  listRules,
  previewRules,
  setRuleEnabled,
  updateRule,
  ZCreateRuleInput,
  ZPreviewInput,
  ZUpdateRuleInput,
} from "../../services/rules/manage-rules";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId, ZOk } from "../schemas";

const ZRuleView = z.object({
  id: z.string(),
  type: ZRuleType,
  name: z.string(),
  enabled: z.boolean(),
  priority: z.number(),
  config: z.unknown(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const ZIssue = z.object({
  ruleId: z.string().optional(),
  name: z.string(),
  type: z.string(),
  reason: z.enum(["unknown_type", "invalid_config", "shadowed"]),
  message: z.string(),
}) satisfies z.ZodType<TRuleIssue>;

// The merged set and the decision are built by the rules engine from validated rows; their (large,
// nested) shapes are typed here rather than re-validated on the way out.
const ZRuleSetView = z.custom<TRuleSet>((v) => typeof v === "object" && v !== null);
const ZDecisionView = z.custom<TRuleDecision>((v) => typeof v === "object" && v !== null);

export const rulesRouter = createRouter({
  list: tenantProcedure("rules.manage")
    .output(z.object({ rules: z.array(ZRuleView), effective: ZRuleSetView, issues: z.array(ZIssue) }))
    .query(({ ctx }) => listRules(ctx.tenant.id)),

  create: tenantProcedure("rules.manage")
    .input(ZCreateRuleInput)
    .output(ZRuleView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...rule } = input;
      return createRule(ctx.tenant.id, actorOf(ctx), rule);
    }),

  update: tenantProcedure("rules.manage")
    .input(ZUpdateRuleInput.extend({ ruleId: ZId }))
    .output(ZRuleView)
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ruleId, ...fields } = input;
      return updateRule(ctx.tenant.id, actorOf(ctx), ruleId, fields);
    }),

  setEnabled: tenantProcedure("rules.manage")
    .input(z.object({ ruleId: ZId, enabled: z.boolean() }))
    .output(ZOk)
    .mutation(({ ctx, input }) => setRuleEnabled(ctx.tenant.id, actorOf(ctx), input.ruleId, input.enabled)),

  delete: tenantProcedure("rules.manage")
    .input(z.object({ ruleId: ZId }))
    .output(ZOk)
    .mutation(({ ctx, input }) => deleteRule(ctx.tenant.id, actorOf(ctx), input.ruleId)),

  preview: tenantProcedure("rules.manage")
    .input(ZPreviewInput)
    .output(z.object({ decision: ZDecisionView, issues: z.array(ZIssue) }))
    .mutation(({ ctx, input }) => {
      const { tenantId: _t, ...sample } = input;
      return previewRules(ctx.tenant.id, sample);
    }),
});
