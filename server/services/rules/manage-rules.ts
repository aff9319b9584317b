import { z } from "zod";
import { db } from "../../db/client";
import type { Prisma } from "../../db/generated/prisma/client";
import type { RuleType } from "../../db/generated/prisma/enums";
import { AppError, notFound } from "../../errors";
import type { TActor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { evaluateRules, type TRuleDecision } from "./evaluate-rules";
import { resolveRules, type TRuleIssue } from "./resolve-rules";
import { RULE_CONFIG_SCHEMAS, type TRuleSet, ZRuleType, ZWorkingHoursConfig } from "./rule-schemas";
import { invalidateTenantConfig } from "../tenant-config/invalidate";

// A tenant's Rule rows: list (with the effective merged rule set and what the resolver reported),
// create, update, enable, delete, and a dry run of the rules on a sample message. Every config is
// validated by its type's schema before it is stored, so the resolver's "invalid_config" only ever
// concerns rows written some other way.

export const ZRuleFields = z.object({
  name: z.string().trim().min(1, "Name is required").max(80),
  enabled: z.boolean().default(true),
  priority: z.int().min(-1000).max(1000).default(0),
});

export const ZCreateRuleInput = ZRuleFields.extend({ type: ZRuleType, config: z.unknown() });
export const ZUpdateRuleInput = z.object({
  name: ZRuleFields.shape.name.optional(),
  enabled: z.boolean().optional(),
  priority: z.int().min(-1000).max(1000).optional(),
  config: z.unknown().optional(),
});

const RULE_SELECT = {
  id: true,
  type: true,
  name: true,
  enabled: true,
  priority: true,
  config: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type TRuleView = Prisma.RuleGetPayload<{ select: typeof RULE_SELECT }>;

/** Validates a config by its type's schema; the first wrong field becomes the error's field. */
export function parseRuleConfig(type: RuleType, config: unknown): Prisma.InputJsonValue {
  // working hours are stored as written (its schema's output expands the extra working days)
  const schema: z.ZodType = type === "WORKING_HOURS" ? ZWorkingHoursConfig.in : RULE_CONFIG_SCHEMAS[type];
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data as Prisma.InputJsonValue;
  const issues = parsed.error.issues.slice(0, 5);
  const message = issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  const field = ["config", ...issues[0].path.map(String)].join(".");
  throw new AppError("BAD_REQUEST", message, field);
}

const ORDER = [{ type: "asc" }, { priority: "desc" }, { createdAt: "asc" }] as const;

async function loadRows(tenantId: string): Promise<TRuleView[]> {
  const client = await db();
  return client.rule.findMany({ where: { tenantId }, orderBy: [...ORDER], select: RULE_SELECT });
}

/** The effective rule set the pipeline evaluates for a tenant (defaults plus its rows). */
export async function loadRuleSet(tenantId: string): Promise<{ ruleSet: TRuleSet; issues: TRuleIssue[] }> {
  return resolveRules(await loadRows(tenantId));
}

export async function listRules(tenantId: string) {
  const rules = await loadRows(tenantId);
  const { ruleSet, issues } = resolveRules(rules);
  return { rules, effective: ruleSet, issues };
}

export async function createRule(
  tenantId: string,
  actor: TActor,
  input: z.input<typeof ZCreateRuleInput>,
): Promise<TRuleView> {
  const { type, config, ...fields } = ZCreateRuleInput.parse(input);
  const stored = parseRuleConfig(type, config);
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const row = await tx.rule.create({
      data: { tenantId, type, ...fields, config: stored },
      select: RULE_SELECT,
    });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "rule.created",
      targetType: "rule",
      targetId: row.id,
      data: { type, name: row.name },
    });
    return row;
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function updateRule(
  tenantId: string,
  actor: TActor,
  ruleId: string,
  input: z.input<typeof ZUpdateRuleInput>,
): Promise<TRuleView> {
  const { config, ...fields } = ZUpdateRuleInput.parse(input);
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const row = await tx.rule.findFirst({ where: { id: ruleId, tenantId }, select: { type: true } });
    if (!row) throw notFound("Rule");
    const data: Prisma.RuleUpdateManyMutationInput = { ...fields };
    if (config !== undefined) data.config = parseRuleConfig(row.type, config);
    await tx.rule.updateMany({ where: { id: ruleId, tenantId }, data });
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "rule.updated",
      targetType: "rule",
      targetId: ruleId,
      data: { type: row.type, fields: Object.keys(data) },
    });
    return tx.rule.findUniqueOrThrow({ where: { id: ruleId }, select: RULE_SELECT });
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function setRuleEnabled(tenantId: string, actor: TActor, ruleId: string, enabled: boolean) {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const res = await tx.rule.updateMany({ where: { id: ruleId, tenantId }, data: { enabled } });
    if (res.count === 0) throw notFound("Rule");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: enabled ? "rule.enabled" : "rule.disabled",
      targetType: "rule",
      targetId: ruleId,
    });
    return { ok: true as const };
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export async function deleteRule(tenantId: string, actor: TActor, ruleId: string) {
  const client = await db();
  const saved = await client.$transaction(async (tx) => {
    const res = await tx.rule.deleteMany({ where: { id: ruleId, tenantId } });
    if (res.count === 0) throw notFound("Rule");
    await recordAudit(tx, {
      tenantId,
      ...actor,
      action: "rule.deleted",
      targetType: "rule",
      targetId: ruleId,
    });
    return { ok: true as const };
  });
  await invalidateTenantConfig(tenantId); // the pipeline's config cache
  return saved;
}

export const ZPreviewInput = z.object({
  text: z.string().trim().min(1, "Type a message").max(2000),
  chatType: z.enum(["private", "group"]).default("private"),
  atMe: z.boolean().default(false),
  /** the moment to judge working hours at; now when left out */
  at: z.date().optional(),
  language: z.enum(["zh-CN", "en"]).optional(),
  contactName: z.string().trim().max(100).optional(),
  groupName: z.string().trim().max(100).optional(),
});
export type TPreviewInput = z.input<typeof ZPreviewInput>;

/** What the rules would decide for a sample message (rate limits excluded: they need live traffic). */
export async function previewRules(
  tenantId: string,
  raw: TPreviewInput,
): Promise<{ decision: TRuleDecision; issues: TRuleIssue[] }> {
  const input = ZPreviewInput.parse(raw);
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { language: true } });
  const { ruleSet, issues } = await loadRuleSet(tenantId);
  const decision = evaluateRules(ruleSet, {
    text: input.text,
    contact: { id: "preview-contact", name: input.contactName ?? null },
    chat: { id: "preview-chat", type: input.chatType, name: input.groupName ?? null },
    atMe: input.atMe,
    now: input.at ?? new Date(),
    language: input.language ?? tenant?.language ?? "zh-CN",
  });
  return { decision, issues };
}
