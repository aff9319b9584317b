"use client";

import { AlertTriangle, Crown, Globe, MessageCircle, MessagesSquare, Plug, Timer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TChannel, TLevel, TPresence, TSla, TStatus } from "./types";

// Small status marks used in the list, the conversation header and the customer panel. Each carries
// text (or an accessible label), never colour alone.

const STATUS_VARIANT = {
  BOT: "secondary",
  PENDING_HUMAN: "warning",
  HUMAN: "default",
  CLOSED: "outline",
  TICKET: "warning",
} as const;

export function StatusBadge({ status }: { status: TStatus }) {
  const t = useTranslations("workbench.status");
  return <Badge variant={STATUS_VARIANT[status]}>{t(status)}</Badge>;
}

/** Only the levels that change how a customer is treated get a badge; GRAY is the ordinary one. */
export function LevelBadge({ level, always }: { level: TLevel; always?: boolean }) {
  const t = useTranslations("workbench.level");
  if (level === "GRAY" && !always) return null;
  const variant = level === "WHITE" ? "success" : level === "BLACK" ? "destructive" : "secondary";
  return <Badge variant={variant}>{t(level)}</Badge>;
}

export function VipBadge() {
  const t = useTranslations("workbench");
  return (
    <Badge variant="warning">
      <Crown aria-hidden />
      {t("vip")}
    </Badge>
  );
}

/** `now` re-derives "breached" on the client: the server's answer ages while the list stays open. */
export function effectiveSla(sla: TSla, now: Date): TSla["state"] {
  if ((sla.state === "ok" || sla.state === "warning") && sla.dueAt && now >= sla.dueAt) return "breached";
  return sla.state;
}

export function SlaBadge({ sla, now, showOk }: { sla: TSla; now: Date; showOk?: boolean }) {
  const t = useTranslations("workbench.sla");
  const state = effectiveSla(sla, now);
  if (state === "breached")
    return (
      <Badge variant="destructive">
        <AlertTriangle aria-hidden />
        {t("breached")}
      </Badge>
    );
  if (state === "warning")
    return (
      <Badge variant="warning">
        <Timer aria-hidden />
        {t("warning")}
      </Badge>
    );
  if (showOk && (state === "ok" || state === "met"))
    return <Badge variant={state === "met" ? "success" : "secondary"}>{t(state)}</Badge>;
  return null;
}

const CHANNEL_ICON = { WECHAT: MessageCircle, WIDGET: Globe, API: Plug, WECOM: MessagesSquare };

export function ChannelIcon({ channel, className }: { channel: TChannel; className?: string }) {
  const t = useTranslations("workbench.channel");
  const Icon = CHANNEL_ICON[channel];
  return (
    <span title={t(channel)} className={cn("inline-flex shrink-0 text-muted-foreground", className)}>
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">{t(channel)}</span>
    </span>
  );
}

const PRESENCE_COLOUR = {
  ONLINE: "bg-success",
  BUSY: "bg-destructive",
  AWAY: "bg-amber-500",
  OFFLINE: "bg-muted-foreground/60",
};

export function PresenceDot({ presence, className }: { presence: TPresence; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("inline-block size-2 shrink-0 rounded-full", PRESENCE_COLOUR[presence], className)}
    />
  );
}
