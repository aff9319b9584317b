"use client";

import { Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";
import { ChannelIcon, LevelBadge, SlaBadge, StatusBadge, VipBadge } from "./badges";
import type { TInboxItem, TInboxView } from "./types";
import { WaitingTime } from "./waiting-time";

/** Who the row is about: the group for group chats, else the customer. */
export function useConversationTitle() {
  const t = useTranslations("workbench");
  return (c: { chatType: "PRIVATE" | "GROUP"; chatName: string | null; contactName: string | null }) =>
    (c.chatType === "GROUP" ? c.chatName : c.contactName) ?? c.chatName ?? t("anonymous");
}

export function InboxItemRow({
  item,
  now,
  selected,
  view,
}: {
  item: TInboxItem;
  now: Date;
  selected: boolean;
  view: TInboxView;
}) {
  const t = useTranslations("workbench");
  const format = useFormatter();
  const tenant = useTenant();
  const titleOf = useConversationTitle();
  const reasonText = useReasonText();
  const title = titleOf({ chatType: item.chatType, chatName: item.chatName, contactName: item.contact.name });
  const waiting = (item.status === "PENDING_HUMAN" || item.status === "TICKET") && item.escalatedAt;
  const preview = item.lastMessage;

  return (
    <Link
      href={`/t/${tenant.slug}/inbox/${item.id}`}
      aria-current={selected ? "page" : undefined}
      className={cn(
        "grid gap-1 px-3 py-2.5 outline-none hover:bg-accent/60 focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
        selected && "bg-accent",
      )}
    >
      <span className="flex items-center gap-1.5">
        <ChannelIcon channel={item.channel} />
        {item.chatType === "GROUP" && (
          <Users className="size-3.5 shrink-0 text-muted-foreground" aria-label={t("group")} />
        )}
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{title}</span>
        <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
          {waiting ? (
            <WaitingTime since={item.escalatedAt!} now={now} />
          ) : (
            <time dateTime={item.lastMessageAt.toISOString()}>
              {/* a row fresher than the last `now` tick reads "now", not "in 2 seconds" */}
              {format.relativeTime(item.lastMessageAt, now > item.lastMessageAt ? now : item.lastMessageAt)}
            </time>
          )}
        </span>
      </span>
      <span className="line-clamp-1 text-[13px] break-all text-muted-foreground">
        {preview ? (
          <>
            {preview.role !== "CUSTOMER" && (
              <span className="font-medium">{t(`previewRole.${preview.role}`)}</span>
            )}
            {preview.content}
          </>
        ) : (
          t("noMessages")
        )}
      </span>
      <span className="flex flex-wrap items-center gap-1">
        {item.contact.vip && <VipBadge />}
        <LevelBadge level={item.contact.level} />
        <SlaBadge sla={item.sla} now={now} />
        {(view === "all" || view === "tickets") && <StatusBadge status={item.status} />}
        {item.escalationReason && item.status === "PENDING_HUMAN" && (
          <span className="text-xs text-muted-foreground">{reasonText(item.escalationReason)}</span>
        )}
        {item.assignee && (
          <span className="ml-auto truncate text-xs text-muted-foreground">
            {t("assignedTo", { name: item.assignee.name })}
          </span>
        )}
      </span>
    </Link>
  );
}

/** Escalation reasons are codes from the pipeline; unknown ones are shown as they are. */
export function useReasonText() {
  const t = useTranslations("workbench.reason");
  return (reason: string) => (t.has(reason) ? t(reason) : reason);
}
