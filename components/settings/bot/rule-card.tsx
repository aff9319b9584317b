"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { parseError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { LiveRegion } from "@/components/ui/live-region";
import { toast } from "@/components/ui/toast";
import type { TRule, TRuleType } from "./rule-utils";
import { useRuleSave } from "./use-rule-save";

/**
 * A card that edits one rule type: `build` turns the form into the row's config (null removes the
 * row; a string is a problem to show instead of saving). Server validation errors are shown as sent.
 */
export function RuleCard({
  type,
  rule,
  title,
  description,
  build,
  children,
}: {
  type: TRuleType;
  rule: TRule | undefined;
  title: string;
  description: React.ReactNode;
  build: () => Record<string, unknown> | null | string;
  children: React.ReactNode;
}) {
  const t = useTranslations("botSettings");
  const errorText = useErrorText();
  const { save, pending } = useRuleSave(type, rule, title);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const config = build();
    if (typeof config === "string") return setError(config);
    setError(null);
    try {
      await save(config);
      toast.success(t("saved"));
    } catch (err) {
      const p = parseError(err);
      setError(p.code === "BAD_REQUEST" ? t("invalid", { detail: p.message }) : errorText(err));
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            {title}
            {rule && !rule.enabled && <Badge variant="secondary">{t("disabled")}</Badge>}
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {children}
          <LiveRegion>{error && <Alert variant="destructive">{error}</Alert>}</LiveRegion>
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={pending}>
            {t("save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
