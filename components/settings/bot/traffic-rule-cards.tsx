"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { RuleCard } from "./rule-card";
import { configOf, joinWords, splitWords, type TRule, type TRuleSet } from "./rule-utils";
import { WordField } from "./word-field";

// Who is served and how often: the group @-mention policy and the rate limits.

export function GroupPolicyCard({ rule }: { rule?: TRule }) {
  const t = useTranslations("botSettings.group");
  const c = configOf(rule);
  const [mentionOnly, setMentionOnly] = useState(c.mentionOnly !== false);
  const [names, setNames] = useState(joinWords(c.allowedGroupNames));
  const [ids, setIds] = useState(joinWords(c.allowedGroupIds));
  return (
    <RuleCard
      type="GROUP_POLICY"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => ({ mentionOnly, allowedGroupNames: splitWords(names), allowedGroupIds: splitWords(ids) })}
    >
      <div className="flex items-center gap-3">
        <Switch id="group-mention" checked={mentionOnly} onCheckedChange={setMentionOnly} />
        <Label htmlFor="group-mention">{t("mentionOnly")}</Label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <WordField
          id="group-names"
          label={t("names")}
          hint={t("namesHint")}
          value={names}
          onChange={setNames}
        />
        <WordField id="group-ids" label={t("ids")} hint={t("idsHint")} value={ids} onChange={setIds} />
      </div>
    </RuleCard>
  );
}

type TLimitDraft = { on: boolean; points: string; seconds: string };

function draftOf(v: unknown, fallback: { points: number; seconds: number } | null): TLimitDraft {
  const l = v === undefined ? fallback : (v as { points?: number; seconds?: number } | null);
  return {
    on: !!l,
    points: String(l?.points ?? fallback?.points ?? 1),
    seconds: String(l?.seconds ?? fallback?.seconds ?? 60),
  };
}

function LimitFields({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: TLimitDraft;
  onChange: (v: TLimitDraft) => void;
}) {
  const t = useTranslations("botSettings.rate");
  return (
    <fieldset className="grid gap-3 rounded-lg border p-3">
      <legend className="px-1 text-[13px] font-medium">{label}</legend>
      <div className="flex items-center gap-3">
        <Switch id={`${id}-on`} checked={value.on} onCheckedChange={(on) => onChange({ ...value, on })} />
        <Label htmlFor={`${id}-on`}>{t("on")}</Label>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field id={`${id}-points`} label={t("points")}>
          <Input
            id={`${id}-points`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            disabled={!value.on}
            value={value.points}
            onChange={(e) => onChange({ ...value, points: e.target.value })}
          />
        </Field>
        <Field id={`${id}-seconds`} label={t("seconds")}>
          <Input
            id={`${id}-seconds`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            disabled={!value.on}
            value={value.seconds}
            onChange={(e) => onChange({ ...value, seconds: e.target.value })}
          />
        </Field>
      </div>
    </fieldset>
  );
}

export function RateLimitCard({ rule, effective }: { rule?: TRule; effective: TRuleSet }) {
  const t = useTranslations("botSettings.rate");
  const c = configOf(rule);
  const [chat, setChat] = useState(() => draftOf(rule ? c.perChat : undefined, effective.rateLimit.perChat));
  const [contact, setContact] = useState(() =>
    draftOf(rule ? c.perContact : undefined, effective.rateLimit.perContact),
  );
  const limit = (d: TLimitDraft) => (d.on ? { points: Number(d.points), seconds: Number(d.seconds) } : null);
  return (
    <RuleCard
      type="RATE_LIMIT"
      rule={rule}
      title={t("title")}
      description={t("description")}
      build={() => ({ perChat: limit(chat), perContact: limit(contact) })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <LimitFields id="rate-chat" label={t("perChat")} value={chat} onChange={setChat} />
        <LimitFields id="rate-contact" label={t("perContact")} value={contact} onChange={setContact} />
      </div>
    </RuleCard>
  );
}
