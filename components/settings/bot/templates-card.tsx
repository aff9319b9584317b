"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { Field } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { RuleCard } from "./rule-card";
import { configOf, type TRule, type TRuleSet } from "./rule-utils";

const KEYS = [
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
const LANGS = ["zh-CN", "en"] as const;
type TLang = (typeof LANGS)[number];
type TTexts = Record<TLang, Record<string, string>>;

/** The bot's fixed replies per language; an empty field keeps the built-in text (shown greyed). */
export function TemplatesCard({ rule, effective }: { rule?: TRule; effective: TRuleSet }) {
  const t = useTranslations("botSettings.templates");
  const c = configOf(rule) as Partial<TTexts>;
  const [lang, setLang] = useState<TLang>("zh-CN");
  const [texts, setTexts] = useState<TTexts>({ "zh-CN": { ...c["zh-CN"] }, en: { ...c.en } });
  return (
    <RuleCard
      type="TEMPLATE"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => {
        const out: Record<string, Record<string, string>> = {};
        for (const l of LANGS) {
          const set = Object.entries(texts[l]).filter(([, v]) => v.trim());
          if (set.length) out[l] = Object.fromEntries(set.map(([k, v]) => [k, v.trim()]));
        }
        return Object.keys(out).length ? out : null;
      }}
    >
      <Field id="templates-lang" label={t("language")} className="sm:max-w-xs">
        <Select value={lang} onValueChange={(v) => setLang(v as TLang)}>
          <SelectTrigger id="templates-lang">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {LANGS.map((l) => (
              <SelectItem key={l} value={l}>
                {LANGUAGE_NAMES[l as keyof typeof LANGUAGE_NAMES] ?? l}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {KEYS.map((k) => (
          <Field key={`${lang}-${k}`} id={`tpl-${lang}-${k}`} label={t(`keys.${k}`)}>
            <Textarea
              id={`tpl-${lang}-${k}`}
              lang={lang}
              rows={2}
              maxLength={2000}
              className="min-h-0 resize-y"
              value={texts[lang][k] ?? ""}
              placeholder={effective.templates[lang]?.[k]}
              onChange={(e) => setTexts((x) => ({ ...x, [lang]: { ...x[lang], [k]: e.target.value } }))}
            />
          </Field>
        ))}
      </div>
      <p className="text-[13px] text-muted-foreground">{t("placeholders")}</p>
    </RuleCard>
  );
}
