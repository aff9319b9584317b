import { type RuleType } from "../../db/generated/prisma/enums";
import { DEFAULT_FORBIDDEN_WORDS, DEFAULT_TRANSFER, defaultRuleSet } from "./default-rules";
import {
  RULE_CONFIG_SCHEMAS,
  type TRuleConfig,
  type TRuleRow,
  type TRuleSet,
  ZRuleType,
} from "./rule-schemas";
import { normalizeWords } from "./text-match";

// A tenant's Rule rows → one effective rule set. Word-list rules (blacklist, transfer keywords,
// sensitive words, forbidden topics) add up across rows and on top of the defaults (unless a row asks
// to replace them); single-valued rules (rate limit, group policy, working hours) take the enabled row
// of highest priority (ties: the earlier row) and report the others as shadowed; templates override
// per language and key, higher priority last. Disabled rows are skipped silently; a row with an unknown
// type or an invalid config is skipped and reported. This never throws: the pipeline must keep
// answering with the defaults whatever an admin saved.

export type TRuleIssue = {
  ruleId?: string;
  name: string;
  type: string;
  reason: "unknown_type" | "invalid_config" | "shadowed";
  message: string;
};

type TValid = { [K in RuleType]: { row: TRuleRow; config: TRuleConfig<K> }[] };

function parseRows(rows: readonly TRuleRow[], issues: TRuleIssue[]): TValid {
  const valid = Object.fromEntries(Object.keys(RULE_CONFIG_SCHEMAS).map((k) => [k, []])) as unknown as TValid;
  const ordered = rows.filter((r) => r.enabled).sort((a, b) => b.priority - a.priority);
  for (const row of ordered) {
    const base = { ruleId: row.id, name: row.name, type: String(row.type) };
    const type = ZRuleType.safeParse(row.type);
    if (!type.success) {
      issues.push({ ...base, reason: "unknown_type", message: `Unknown rule type ${String(row.type)}` });
      continue;
    }
    const parsed = RULE_CONFIG_SCHEMAS[type.data].safeParse(row.config ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".") || "config"}: ${i.message}`)
        .join("; ");
      issues.push({ ...base, reason: "invalid_config", message });
      continue;
    }
    (valid[type.data] as { row: TRuleRow; config: unknown }[]).push({ row, config: parsed.data });
  }
  return valid;
}

/** The first (highest-priority) config of a single-valued type; the rest are reported as shadowed. */
function pickOne<K extends RuleType>(
  valid: TValid,
  type: K,
  issues: TRuleIssue[],
): TRuleConfig<K> | undefined {
  const [winner, ...rest] = valid[type];
  for (const { row } of rest) {
    issues.push({
      ruleId: row.id,
      name: row.name,
      type,
      reason: "shadowed",
      message: `Overridden by "${winner.row.name}" (higher priority)`,
    });
  }
  return winner?.config as TRuleConfig<K> | undefined;
}

const union = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

export function resolveRules(rows: readonly TRuleRow[]): { ruleSet: TRuleSet; issues: TRuleIssue[] } {
  const issues: TRuleIssue[] = [];
  const valid = parseRows(rows, issues);
  const set = defaultRuleSet();

  const black = valid.BLACKLIST.map((v) => v.config);
  set.blacklist = {
    contactIds: union(...black.map((b) => b.contactIds)),
    names: normalizeWords(black.flatMap((b) => b.names)),
    phonePatterns: union(...black.map((b) => b.phonePatterns)),
    chatIds: union(...black.map((b) => b.chatIds)),
    levels: union(...black.map((b) => b.levels)) as TRuleSet["blacklist"]["levels"],
  };

  const transfer = valid.TRANSFER_KEYWORD.map((v) => v.config);
  const base = transfer.some((t) => t.replaceDefaults) ? undefined : DEFAULT_TRANSFER;
  set.transfer = {
    words: normalizeWords([...(base?.words ?? []), ...transfer.flatMap((t) => t.words)]),
    intentWords: normalizeWords([...(base?.intentWords ?? []), ...transfer.flatMap((t) => t.intentWords)]),
    exclusions: normalizeWords(transfer.flatMap((t) => t.exclusions)),
  };

  const sensitive = valid.SENSITIVE_WORD.map((v) => v.config);
  const refuse = normalizeWords(sensitive.filter((s) => s.mode === "refuse").flatMap((s) => s.words));
  const mask = normalizeWords(sensitive.filter((s) => s.mode === "mask").flatMap((s) => s.words));
  set.sensitive = { refuse, mask: mask.filter((w) => !refuse.includes(w)) };

  const topics = valid.FORBIDDEN_TOPIC.map((v) => v.config);
  set.forbiddenTopics = [
    ...topics.map((t) => ({ words: normalizeWords(t.words), template: t.template })),
    ...(topics.some((t) => t.replaceDefaults) ? [] : [{ words: normalizeWords(DEFAULT_FORBIDDEN_WORDS) }]),
  ];

  set.rateLimit = pickOne(valid, "RATE_LIMIT", issues) ?? set.rateLimit;
  set.groupPolicy = pickOne(valid, "GROUP_POLICY", issues) ?? set.groupPolicy;
  set.workingHours = pickOne(valid, "WORKING_HOURS", issues) ?? set.workingHours;
  set.groupPolicy = {
    ...set.groupPolicy,
    allowedGroupNames: normalizeWords(set.groupPolicy.allowedGroupNames),
  };

  for (const { config } of [...valid.TEMPLATE].reverse()) {
    for (const [language, texts] of Object.entries(config) as [keyof TRuleSet["templates"], object][]) {
      set.templates[language] = { ...set.templates[language], ...texts };
    }
  }
  return { ruleSet: set, issues };
}
