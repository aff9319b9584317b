"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fieldError } from "@/components/common/trpc-error";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, fieldProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { TBotSettings } from "./rule-utils";
import { ThresholdBar } from "./threshold-bar";

type TErrors = Partial<Record<"botName" | "persona" | "clarifyThreshold" | "replyThreshold", string>>;

/** The bot's name, persona and the confidence thresholds that route every answer. */
export function BotProfileCard({ initial }: { initial: TBotSettings }) {
  const t = useTranslations("botSettings.profile");
  const v = useTranslations("validation");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<TErrors>({});
  const update = useMutation(
    trpc.bot.update.mutationOptions({ onSuccess: () => qc.invalidateQueries(trpc.bot.get.queryFilter()) }),
  );
  const set = (patch: Partial<TBotSettings>) => setValue((x) => ({ ...x, ...patch }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const local: TErrors = {
      botName: value.botName.trim() ? undefined : v("required"),
      clarifyThreshold: value.clarifyThreshold <= value.replyThreshold ? undefined : t("order"),
    };
    setErrors(local);
    if (Object.values(local).some(Boolean)) return;
    try {
      await update.mutateAsync({ tenantId: tenant.tenantId, ...value, botName: value.botName.trim() });
      toast.success(t("saved"));
    } catch (err) {
      const next: TErrors = {};
      for (const k of ["botName", "persona", "clarifyThreshold", "replyThreshold"] as const)
        next[k] = fieldError(err, k) ?? undefined;
      setErrors(next);
      if (!Object.values(next).some(Boolean)) toast.error(errorText(err));
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label={t("title")}>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <Field id="bot-name" label={t("name")} error={errors.botName} className="sm:max-w-xs">
            <Input
              {...fieldProps("bot-name", errors.botName)}
              value={value.botName}
              maxLength={40}
              onChange={(e) => set({ botName: e.target.value })}
            />
          </Field>
          <Field id="bot-persona" label={t("persona")} error={errors.persona} hint={t("personaHint")}>
            <Textarea
              {...fieldProps("bot-persona", errors.persona, true)}
              value={value.persona}
              maxLength={4000}
              rows={4}
              onChange={(e) => set({ persona: e.target.value })}
            />
          </Field>
          <ThresholdBar
            reply={value.replyThreshold}
            clarify={value.clarifyThreshold}
            error={errors.clarifyThreshold ?? errors.replyThreshold}
            onChange={set}
          />
        </CardContent>
        <CardFooter>
          <Button
            type="button"
            variant="ghost"
            disabled={update.isPending}
            onClick={() => (setValue(initial), setErrors({}))}
          >
            {t("reset")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
