import { type TLanguage, type TRuleSet, type TTemplateKey } from "./rule-schemas";

// Customer-facing texts with {name}-style placeholders. Values are plain text: the channels render
// text, never HTML, so nothing is escaped here; control characters are removed and values are capped
// so a contact's name cannot flood or break a message. Substitution is one pass, so a value that
// itself contains "{name}" is not expanded again. A placeholder without a value is left visible
// (a missing variable should show up in tests, not silently vanish from the customer's text).

const MAX_VALUE = 200;
const PLACEHOLDER = /\{(\w+)\}/g;
const CONTROL = /[\p{Cc}\p{Cf}]/gu; // control and invisible format characters (bidi overrides)

/** Maps any language tag to a supported one: zh, zh-Hans, zh-TW → zh-CN; en-US → en; else zh-CN. */
export function resolveLanguage(language: string | null | undefined): TLanguage {
  const tag = (language ?? "").trim().toLowerCase();
  if (tag.startsWith("en")) return "en";
  return "zh-CN";
}

export function cleanValue(value: string | number): string {
  const text = String(value).replace(CONTROL, "").trim();
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

export function fillPlaceholders(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) =>
    Object.hasOwn(vars, key) ? cleanValue(vars[key]) : whole,
  );
}

export function renderTemplate(
  ruleSet: Pick<TRuleSet, "templates">,
  key: TTemplateKey,
  language: string,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(ruleSet.templates[resolveLanguage(language)][key], vars);
}
