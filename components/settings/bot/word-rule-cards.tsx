"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { RuleCard } from "./rule-card";
import { configOf, joinWords, splitWords, type TRule, type TRuleSet } from "./rule-utils";
import { WordField } from "./word-field";

// The word-list rules: transfer keywords, sensitive words and forbidden topics.

function ReplaceSwitch({
  id,
  checked,
  onChange,
  label,
}: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
      <Label htmlFor={id}>{label}</Label>
    </div>
  );
}

export function TransferCard({ rule, effective }: { rule?: TRule; effective: TRuleSet }) {
  const t = useTranslations("botSettings.transfer");
  const c = configOf(rule);
  const [words, setWords] = useState(joinWords(c.words));
  const [intent, setIntent] = useState(joinWords(c.intentWords));
  const [exclusions, setExclusions] = useState(joinWords(c.exclusions));
  const [replace, setReplace] = useState(c.replaceDefaults === true);
  return (
    <RuleCard
      type="TRANSFER_KEYWORD"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => ({
        words: splitWords(words),
        intentWords: splitWords(intent),
        exclusions: splitWords(exclusions),
        replaceDefaults: replace,
      })}
    >
      <p className="rounded-md bg-muted/60 px-3 py-2 text-[13px] text-muted-foreground">
        {t("effective", { words: effective.transfer.words.slice(0, 30).join("、") })}
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <WordField id="transfer-words" label={t("words")} value={words} onChange={setWords} />
        <WordField
          id="transfer-intent"
          label={t("intentWords")}
          hint={t("intentHint")}
          value={intent}
          onChange={setIntent}
        />
        <WordField
          id="transfer-exclusions"
          label={t("exclusions")}
          hint={t("exclusionsHint")}
          value={exclusions}
          onChange={setExclusions}
        />
      </div>
      <ReplaceSwitch
        id="transfer-replace"
        checked={replace}
        onChange={setReplace}
        label={t("replaceDefaults")}
      />
    </RuleCard>
  );
}

export function SensitiveCard({ rule }: { rule?: TRule }) {
  const t = useTranslations("botSettings.sensitive");
  const c = configOf(rule);
  const [words, setWords] = useState(joinWords(c.words));
  const [mode, setMode] = useState(c.mode === "refuse" ? "refuse" : "mask");
  return (
    <RuleCard
      type="SENSITIVE_WORD"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => {
        const list = splitWords(words);
        return list.length ? { words: list, mode } : null; // no words: the row goes
      }}
    >
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <WordField id="sensitive-words" label={t("words")} value={words} onChange={setWords} />
        <Field id="sensitive-mode" label={t("mode")} hint={t(mode === "mask" ? "maskHint" : "refuseHint")}>
          <Select value={mode} onValueChange={setMode}>
            <SelectTrigger id="sensitive-mode" aria-describedby="sensitive-mode-hint">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="mask">{t("mask")}</SelectItem>
              <SelectItem value="refuse">{t("refuse")}</SelectItem>
            </SelectContent>
          </Select>
        </Field>
      </div>
    </RuleCard>
  );
}

export function TopicsCard({ rule, effective }: { rule?: TRule; effective: TRuleSet }) {
  const t = useTranslations("botSettings.topics");
  const c = configOf(rule);
  const [words, setWords] = useState(joinWords(c.words));
  const [template, setTemplate] = useState(typeof c.template === "string" ? c.template : "");
  const [replace, setReplace] = useState(c.replaceDefaults === true);
  const defaults = effective.forbiddenTopics.at(-1)?.words ?? [];
  return (
    <RuleCard
      type="FORBIDDEN_TOPIC"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => {
        const list = splitWords(words);
        if (!list.length) return replace ? t("needWords") : null;
        return { words: list, template: template.trim() || undefined, replaceDefaults: replace };
      }}
    >
      {!replace && (
        <p className="rounded-md bg-muted/60 px-3 py-2 text-[13px] text-muted-foreground">
          {t("defaults", { words: defaults.join("、") })}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <WordField id="topics-words" label={t("words")} value={words} onChange={setWords} />
        <Field id="topics-template" label={t("template")} hint={t("templateHint")}>
          <Textarea
            id="topics-template"
            aria-describedby="topics-template-hint"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
            rows={3}
            maxLength={1000}
            className="min-h-0"
          />
        </Field>
      </div>
      <ReplaceSwitch
        id="topics-replace"
        checked={replace}
        onChange={setReplace}
        label={t("replaceDefaults")}
      />
    </RuleCard>
  );
}
