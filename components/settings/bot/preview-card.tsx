"use client";

import { useMutation } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LiveRegion } from "@/components/ui/live-region";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { TPreview } from "./rule-utils";

const VARIANT = {
  continue: "success",
  transfer: "warning",
  refuse: "destructive",
  ignore: "secondary",
} as const;

/** "Test a message": runs the saved rules on a sample, as the pipeline would (rate limits aside). */
export function PreviewCard() {
  const t = useTranslations("botSettings.preview");
  const tenant = useTenant();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [text, setText] = useState("");
  const [chatType, setChatType] = useState<"private" | "group">("private");
  const [atMe, setAtMe] = useState(false);
  const [at, setAt] = useState("");
  const preview = useMutation(trpc.rules.preview.mutationOptions());

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    preview.mutate({
      tenantId: tenant.tenantId,
      text: text.trim(),
      chatType,
      atMe,
      at: at ? new Date(at) : undefined,
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form onSubmit={onSubmit} className="grid gap-4" aria-label={t("title")}>
          <Field id="preview-text" label={t("message")}>
            <Textarea
              id="preview-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={2}
              maxLength={2000}
              placeholder={t("placeholder")}
              className="min-h-0"
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3 sm:items-end">
            <Field id="preview-chat" label={t("chatType")}>
              <Select value={chatType} onValueChange={(v) => setChatType(v as "private" | "group")}>
                <SelectTrigger id="preview-chat">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="private">{t("private")}</SelectItem>
                  <SelectItem value="group">{t("group")}</SelectItem>
                </SelectContent>
              </Select>
            </Field>
            <div className="flex h-9 items-center gap-3">
              <Switch
                id="preview-at"
                checked={atMe}
                onCheckedChange={setAtMe}
                disabled={chatType !== "group"}
              />
              <Label htmlFor="preview-at">{t("atMe")}</Label>
            </div>
            <Field id="preview-at-time" label={t("time")} hint={t("timeHint")}>
              <Input
                id="preview-at-time"
                type="datetime-local"
                aria-describedby="preview-at-time-hint"
                value={at}
                onChange={(e) => setAt(e.target.value)}
              />
            </Field>
          </div>
          <div>
            <Button type="submit" loading={preview.isPending} disabled={!text.trim()}>
              {!preview.isPending && <FlaskConical aria-hidden />}
              {t("submit")}
            </Button>
          </div>
        </form>
        <LiveRegion>
          {preview.isError && <Alert variant="destructive">{errorText(preview.error)}</Alert>}
          {preview.data && <Decision result={preview.data} />}
        </LiveRegion>
      </CardContent>
    </Card>
  );
}

function Decision({ result }: { result: TPreview }) {
  const t = useTranslations("botSettings.preview");
  const format = useFormatter();
  const d = result.decision;
  const reason =
    d.kind === "ignore"
      ? t(`ignore.${d.reason}`)
      : d.kind === "transfer"
        ? t(d.reason === "keyword" ? "byKeyword" : "byTopic", { word: d.matched })
        : d.kind === "refuse"
          ? t("byRefuse", { word: d.matched })
          : d.masked
            ? t("masked")
            : t("toPipeline");
  return (
    <div className="grid gap-2 rounded-lg border bg-muted/40 p-4" data-testid="rule-decision">
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={VARIANT[d.kind]}>{t(`kinds.${d.kind}`)}</Badge>
        {d.afterHours && <Badge variant="outline">{t("afterHours")}</Badge>}
        <span className="text-[13px]">{reason}</span>
      </div>
      {"reply" in d && (
        <p className="text-sm">
          <span className="text-muted-foreground">{t("reply")}</span> {d.reply}
        </p>
      )}
      {"nextOpening" in d && d.nextOpening && (
        <p className="text-[13px] text-muted-foreground">
          {t("nextOpening", {
            at: format.dateTime(new Date(d.nextOpening), { dateStyle: "medium", timeStyle: "short" }),
          })}
        </p>
      )}
      {d.kind !== "ignore" && d.text !== undefined && (d.kind !== "continue" || d.masked) && (
        <p className="text-[13px] text-muted-foreground">
          {t("stored")} <span className="text-foreground">{d.text}</span>
        </p>
      )}
    </div>
  );
}
