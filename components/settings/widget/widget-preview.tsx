"use client";

import { MessageCircle, Send, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LANGUAGE_NAMES } from "@/components/common/language-names";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import {
  isHexColor,
  readableOn,
  WIDGET_LANGUAGES,
  type TWidgetLanguage,
  type TWidgetSettings,
} from "./widget-types";

// A static mock of the widget (pure React, no widget.js): the bubble and the open panel with the
// chosen colour, corner, theme and texts. The sample lines are the widget's own words in the
// previewed language — what a visitor of that language sees — not the dashboard's language.
const SAMPLE: Record<
  TWidgetLanguage,
  Record<"question" | "answer" | "placeholder" | "handoff" | "send", string>
> = {
  "zh-CN": {
    question: "退款多久到账？",
    answer: "退款审核通过后，1-3 个工作日原路退回到您的支付账户。",
    placeholder: "输入消息…",
    handoff: "转人工",
    send: "发送",
  },
  en: {
    question: "How long does a refund take?",
    answer: "Once approved, refunds reach your account in 1–3 business days.",
    placeholder: "Type a message…",
    handoff: "Talk to a human",
    send: "Send",
  },
};

const THEMES = {
  light: { panel: "#ffffff", text: "#111827", muted: "#6b7280", bot: "#f3f4f6", border: "#e5e7eb" },
  dark: { panel: "#1f2937", text: "#f9fafb", muted: "#9ca3af", bot: "#374151", border: "#374151" },
};

export function WidgetPreview({ settings }: { settings: TWidgetSettings }) {
  const t = useTranslations("widgetSettings.preview");
  const uiLocale = useLocale();
  // the visitor's language decides what the widget says; start with the one the admin reads
  const [language, setLanguage] = useState<TWidgetLanguage>(uiLocale === "en" ? "en" : "zh-CN");
  const [open, setOpen] = useState(true);
  const [dark, setDark] = useState(settings.theme === "dark");
  const mode = settings.theme === "auto" ? (dark ? "dark" : "light") : settings.theme;
  const colors = THEMES[mode];
  const accent = isHexColor(settings.color) ? settings.color : "#2563eb";
  const onAccent = readableOn(accent);
  const words = SAMPLE[language];
  const side = settings.position === "left" ? "left-4" : "right-4";

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="flex flex-wrap gap-2">
          <Segmented
            label={t("language")}
            value={language}
            options={WIDGET_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            onChange={setLanguage}
          />
          <Segmented
            label={t("state")}
            value={open ? "open" : "closed"}
            options={[
              { value: "open", label: t("open") },
              { value: "closed", label: t("closed") },
            ]}
            onChange={(v) => setOpen(v === "open")}
          />
          {settings.theme === "auto" && (
            <Segmented
              label={t("mode")}
              value={mode}
              options={[
                { value: "light", label: t("light") },
                { value: "dark", label: t("dark") },
              ]}
              onChange={(v) => setDark(v === "dark")}
            />
          )}
        </div>
        <p className="sr-only">
          {t("summary", { color: accent, position: settings.position, title: settings.title[language] })}
        </p>
        <div
          aria-hidden
          data-testid="widget-preview"
          data-position={settings.position}
          className={cn(
            "relative h-[480px] overflow-hidden rounded-lg border bg-muted/40",
            !settings.enabled && "opacity-50 grayscale",
          )}
          lang={language}
        >
          <div className="grid gap-3 p-5">
            <div className="h-3 w-1/3 rounded bg-muted-foreground/15" />
            <div className="h-24 rounded-md bg-muted-foreground/10" />
            <div className="h-3 w-4/5 rounded bg-muted-foreground/10" />
            <div className="h-3 w-2/3 rounded bg-muted-foreground/10" />
          </div>
          {open && (
            <div
              data-testid="widget-preview-panel"
              className={cn(
                "absolute bottom-20 flex h-[370px] w-[min(300px,calc(100%-2rem))] flex-col overflow-hidden rounded-2xl shadow-xl",
                side,
              )}
              style={{
                backgroundColor: colors.panel,
                color: colors.text,
                border: `1px solid ${colors.border}`,
              }}
            >
              <div
                className="flex items-center gap-2 px-4 py-3"
                style={{ backgroundColor: accent, color: onAccent }}
              >
                <span
                  className="min-w-0 flex-1 truncate text-sm font-semibold"
                  data-testid="widget-preview-title"
                >
                  {settings.title[language]}
                </span>
                <X className="size-4 opacity-80" />
              </div>
              <div className="flex flex-1 flex-col gap-2 overflow-hidden p-3 text-[13px] leading-snug">
                <Line bg={colors.bot} data-testid="widget-preview-welcome">
                  {settings.welcome[language]}
                </Line>
                <Line bg={accent} color={onAccent} mine>
                  {words.question}
                </Line>
                <Line bg={colors.bot}>{words.answer}</Line>
                {settings.handoffButton && (
                  <span
                    className="mt-1 self-center rounded-full border px-3 py-1 text-[12px] font-medium"
                    style={{ borderColor: accent, color: mode === "dark" ? colors.text : accent }}
                  >
                    {words.handoff}
                  </span>
                )}
              </div>
              <div className="flex items-center gap-2 border-t p-2.5" style={{ borderColor: colors.border }}>
                <span
                  className="flex-1 truncate rounded-full px-3 py-1.5 text-[13px]"
                  style={{ backgroundColor: colors.bot, color: colors.muted }}
                >
                  {words.placeholder}
                </span>
                <span
                  className="grid size-8 place-items-center rounded-full"
                  style={{ backgroundColor: accent, color: onAccent }}
                  title={words.send}
                >
                  <Send className="size-4" />
                </span>
              </div>
            </div>
          )}
          <div
            data-testid="widget-preview-bubble"
            className={cn("absolute bottom-4 grid size-14 place-items-center rounded-full shadow-lg", side)}
            style={{ backgroundColor: accent, color: onAccent }}
          >
            {open ? <X className="size-6" /> : <MessageCircle className="size-6" />}
          </div>
          {!settings.enabled && (
            <p className="absolute inset-x-0 top-1/3 text-center text-sm font-medium text-foreground">
              {t("off")}
            </p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

function Line(p: {
  bg: string;
  color?: string;
  mine?: boolean;
  children: React.ReactNode;
  "data-testid"?: string;
}) {
  return (
    <p
      data-testid={p["data-testid"]}
      className={cn(
        "max-w-[85%] rounded-2xl px-3 py-2 break-words whitespace-pre-wrap",
        p.mine ? "self-end rounded-br-md" : "self-start rounded-bl-md",
      )}
      style={{ backgroundColor: p.bg, color: p.color }}
    >
      {p.children}
    </p>
  );
}

function Segmented<T extends string>(p: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <div role="group" aria-label={p.label} className="inline-flex gap-0.5 rounded-lg bg-muted p-0.5">
      {p.options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={p.value === o.value}
          onClick={() => p.onChange(o.value)}
          className={cn(
            "h-7 rounded-md px-2.5 text-[12px] font-medium text-muted-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring",
            p.value === o.value && "bg-card text-foreground shadow-xs",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
