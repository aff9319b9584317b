import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>;
export type TRuleList = TOutputs["rules"]["list"];
export type TRule = TRuleList["rules"][number];
export type TRuleType = TRule["type"];
export type TRuleSet = TRuleList["effective"];
export type TBotSettings = TOutputs["bot"]["get"];
export type TPreview = TOutputs["rules"]["preview"];

/**
 * The row a settings card edits for a type: the enabled row of highest priority (the one the resolver
 * applies for single-valued types), else the first. Other rows stay listed under "all rules".
 */
export function primaryRule(rules: TRule[], type: TRuleType): TRule | undefined {
  const rows = rules.filter((r) => r.type === type); // already by priority desc, then oldest first
  return rows.find((r) => r.enabled) ?? rows[0];
}

/** Lines or commas (, ， 、) separate words; blanks and repeats are dropped. */
export function splitWords(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,，、]+/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

export const joinWords = (words: unknown): string => (Array.isArray(words) ? words.join("\n") : "");

/** A config object read defensively (rows written through the API may hold anything). */
export function configOf(rule: TRule | undefined): Record<string, unknown> {
  const c = rule?.config;
  return c && typeof c === "object" && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
}
