"use client";

import { AlertCircle, Bot, Check, Clock, Info, Lock } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { Evidence } from "./evidence";
import type { TWorkbenchMessage } from "./types";

// One line of the history. Customer messages sit on the left, what the business sent (bot, agent) on
// the right, system lines in the middle, and internal notes are amber and labelled as internal.
// Content is always rendered as text: customer input never becomes markup.

// memo: a live message appends to the history with the earlier message objects unchanged, so only the
// new line renders (a long conversation re-rendered every line on every message)
export const MessageItem = memo(function MessageItem({ message: m }: { message: TWorkbenchMessage }) {
  const t = useTranslations("workbench.message");
  const format = useFormatter();
  const time = (
    <time dateTime={m.createdAt.toISOString()} className="tabular-nums">
      {format.dateTime(m.createdAt, { hour: "2-digit", minute: "2-digit" })}
    </time>
  );

  if (m.role === "SYSTEM")
    return (
      <div className="flex justify-center" data-role="SYSTEM">
        <p className="max-w-[90%] rounded-2xl bg-muted px-3 py-1 text-center text-xs text-muted-foreground">
          <Info className="mr-1 inline size-3.5 align-[-3px]" aria-hidden />
          <span className="sr-only">{t("system")}</span>
          <span className="break-words whitespace-pre-wrap">{m.content}</span>
          <span className="whitespace-nowrap">
            <span aria-hidden> · </span>
            {time}
          </span>
        </p>
      </div>
    );

  const outgoing = m.role !== "CUSTOMER";
  const who =
    m.role === "CUSTOMER"
      ? (m.senderName ?? t("customer"))
      : m.role === "BOT"
        ? t("bot")
        : (m.authorName ?? m.senderName ?? t("agent"));

  return (
    <div className={cn("flex", outgoing ? "justify-end" : "justify-start")} data-role={m.role}>
      <div className={cn("grid max-w-[85%] gap-1 sm:max-w-[75%]", outgoing && "justify-items-end")}>
        <p className="flex items-center gap-1.5 px-1 text-xs text-muted-foreground">
          {m.role === "BOT" && <Bot className="size-3.5" aria-hidden />}
          {m.role === "NOTE" && <Lock className="size-3.5" aria-hidden />}
          <span className="font-medium">{who}</span>
          <span aria-hidden>·</span>
          {time}
        </p>
        <div
          className={cn(
            "rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap",
            m.role === "CUSTOMER" && "rounded-tl-sm border bg-card",
            m.role === "BOT" && "rounded-tr-sm bg-primary-soft text-primary-soft-foreground",
            m.role === "AGENT" && "rounded-tr-sm bg-primary text-primary-foreground",
            m.role === "NOTE" &&
              "rounded-tr-sm border border-dashed border-amber-400 bg-warning-soft text-warning-soft-foreground",
          )}
        >
          {m.role === "NOTE" && (
            <span className="mb-0.5 block text-[11px] font-semibold tracking-wide uppercase">
              {t("internal")}
            </span>
          )}
          {m.content}
        </div>
        {m.role === "BOT" && <BotMeta message={m} />}
        {m.role === "AGENT" && m.deliveryStatus && <Delivery status={m.deliveryStatus} />}
      </div>
    </div>
  );
});

function BotMeta({ message: m }: { message: TWorkbenchMessage }) {
  const t = useTranslations("workbench.message");
  const format = useFormatter();
  if (m.confidence === null && m.evidence.length === 0 && !m.action) return null;
  return (
    <div className="grid justify-items-end gap-1 px-1 text-xs text-muted-foreground">
      <p className="flex flex-wrap items-center justify-end gap-x-2">
        {m.confidence !== null && (
          <span>{t("confidence", { value: format.number(m.confidence, { style: "percent" }) })}</span>
        )}
        {m.action && m.action !== "REPLY" && <span>{t(`action.${m.action}`)}</span>}
      </p>
      {m.evidence.length > 0 && <Evidence items={m.evidence} />}
    </div>
  );
}

function Delivery({ status }: { status: "PENDING" | "SENT" | "FAILED" }) {
  const t = useTranslations("workbench.message.delivery");
  const Icon = status === "SENT" ? Check : status === "PENDING" ? Clock : AlertCircle;
  return (
    <p
      className={cn(
        "flex items-center gap-1 px-1 text-xs",
        status === "FAILED" ? "font-medium text-destructive-soft-foreground" : "text-muted-foreground",
      )}
    >
      <Icon className="size-3.5" aria-hidden />
      {t(status)}
    </p>
  );
}
