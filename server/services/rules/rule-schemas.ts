import { z } from "zod";
import { CustomerLevel, RuleType } from "../../db/generated/prisma/enums";
import { LANGUAGES } from "../tenants/tenant-schemas";
import { type TWorkingHoursConfig, ZWorkingHoursConfig } from "./working-hours-schema";

// The `config` of each Rule row, one schema per RuleType. Objects strip unknown keys (a typo in one
// field must not throw away a tenant's whole blacklist); the resolver reports rows that fail.

export { ZWorkingHoursConfig, type TWorkingHoursConfig } from "./working-hours-schema";

export type TLanguage = (typeof LANGUAGES)[number];
export const ZLanguage = z.enum(LANGUAGES);

const ZWord = z.string().trim().min(1).max(50);
const ZWords = z.array(ZWord).max(500);
const ZId = z.string().trim().min(1).max(200);

/** Digits with `*` (any run of digits) and `?` (one digit); separators and a +86 prefix are ignored. */
const ZPhonePattern = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[\d*?\s-]+$/, "Use digits, * and ?")
  .refine((p) => /\d/.test(p) || p.replace(/[\s-]/g, "") === "*", "A phone pattern needs a digit");

export const ZBlacklistConfig = z.object({
  contactIds: z.array(ZId).max(5000).default([]),
  names: ZWords.default([]),
  phonePatterns: z.array(ZPhonePattern).max(500).default([]),
  chatIds: z.array(ZId).max(5000).default([]),
  /** Customer levels to ignore, e.g. ["BLACK"]; empty by default (BLACK means limited service, not none). */
  levels: z.array(z.enum(CustomerLevel)).default([]),
});

export const ZTransferKeywordConfig = z.object({
  /** Transfer when the customer asks for it (word-aware, negation-aware). */
  words: ZWords.default([]),
  /** Transfer only with an explicit demand (我要/申请/要求 退款) and never for a question about it. */
  intentWords: ZWords.default([]),
  /** Compounds that never count (人工智能 for 人工). */
  exclusions: ZWords.default([]),
  /** Use this row's lists instead of (not on top of) the built-in defaults. */
  replaceDefaults: z.boolean().default(false),
});

export const ZSensitiveWordConfig = z.object({
  words: ZWords.min(1),
  mode: z.enum(["mask", "refuse"]).default("mask"),
});

export const ZForbiddenTopicConfig = z.object({
  words: ZWords.min(1),
  /** A reply of the tenant's own; without it the `forbiddenTopic` template is used. */
  template: z.string().trim().min(1).max(1000).optional(),
  replaceDefaults: z.boolean().default(false),
});

const ZLimit = z.object({
  points: z.int().min(1).max(10_000),
  seconds: z.int().min(1).max(86_400),
});
export type TLimit = z.infer<typeof ZLimit>;

export const ZRateLimitConfig = z.object({
  /** null switches the limit off. */
  perChat: ZLimit.nullable().default({ points: 20, seconds: 60 }),
  perContact: ZLimit.nullable().default({ points: 1, seconds: 3 }),
});

export const ZGroupPolicyConfig = z.object({
  mentionOnly: z.boolean().default(true),
  /** When either list is non-empty, only the groups it names are served. */
  allowedGroupIds: z.array(ZId).max(5000).default([]),
  allowedGroupNames: ZWords.default([]),
});

export const TEMPLATE_KEYS = [
  "greeting",
  "transfer",
  "afterHours",
  "throttle",
  "refuse",
  "forbiddenTopic",
  "clarify",
  "defaultReply",
  "idlePrompt",
  "humanJoined",
  "releasedToBot",
] as const;
export type TTemplateKey = (typeof TEMPLATE_KEYS)[number];
export const ZTemplateKey = z.enum(TEMPLATE_KEYS);

const ZTemplateText = z.string().trim().min(1).max(2000);
export const ZTemplateConfig = z.partialRecord(ZLanguage, z.partialRecord(ZTemplateKey, ZTemplateText));

export const RULE_CONFIG_SCHEMAS = {
  BLACKLIST: ZBlacklistConfig,
  TRANSFER_KEYWORD: ZTransferKeywordConfig,
  SENSITIVE_WORD: ZSensitiveWordConfig,
  FORBIDDEN_TOPIC: ZForbiddenTopicConfig,
  RATE_LIMIT: ZRateLimitConfig,
  GROUP_POLICY: ZGroupPolicyConfig,
  WORKING_HOURS: ZWorkingHoursConfig,
  TEMPLATE: ZTemplateConfig,
} as const satisfies Record<RuleType, z.ZodType>;

export type TRuleConfig<K extends RuleType> = z.output<(typeof RULE_CONFIG_SCHEMAS)[K]>;
export type TBlacklistConfig = z.output<typeof ZBlacklistConfig>;
export type TTransferKeywordConfig = z.output<typeof ZTransferKeywordConfig>;
export type TRateLimitConfig = z.output<typeof ZRateLimitConfig>;
export type TGroupPolicyConfig = z.output<typeof ZGroupPolicyConfig>;
export type TTemplateConfig = z.output<typeof ZTemplateConfig>;

/** A stored Rule row as the resolver reads it; `type` is a string so unknown types are reported. */
export const ZRuleRow = z.object({
  id: z.string().optional(),
  type: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  priority: z.int(),
  config: z.unknown(),
});
export type TRuleRow = z.infer<typeof ZRuleRow>;

export const ZRuleType = z.enum(RuleType);

/** The one effective rule set the pipeline evaluates; every word list is already normalised. */
export type TRuleSet = {
  blacklist: TBlacklistConfig;
  transfer: { words: string[]; intentWords: string[]; exclusions: string[] };
  sensitive: { mask: string[]; refuse: string[] };
  forbiddenTopics: { words: string[]; template?: string }[];
  rateLimit: TRateLimitConfig;
  groupPolicy: TGroupPolicyConfig;
  workingHours: TWorkingHoursConfig;
  templates: Record<TLanguage, Record<TTemplateKey, string>>;
};
