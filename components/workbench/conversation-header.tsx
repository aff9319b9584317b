"use client";

import { useNow, useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { BackToList } from "./back-to-list";
import { ChannelIcon, LevelBadge, SlaBadge, StatusBadge, VipBadge } from "./badges";
import { ConversationActions } from "./conversation-actions";
import { CustomerSheet } from "./customer-sheet";
import { useConversationTitle, useReasonText } from "./inbox-item";
import { OutgoingTransfer } from "./outgoing-transfer";
import type { TConversationDetail } from "./types";

export function ConversationHeader({
  detail,
  myUserId,
  onNotice,
  onTakenOver,
}: {
  detail: TConversationDetail;
  myUserId: string;
  onNotice: (text: string | null) => void;
  onTakenOver: () => void;
}) {
  const t = useTranslations("workbench");
  const tenant = useTenant();
  const trpc = useTRPC();
  const now = useNow({ updateInterval: 30_000 });
  const titleOf = useConversationTitle();
  const reasonText = useReasonText();
  const { conversation: c, pendingTransfer } = detail;
  // the customer's name and level come from the panel's query (shared cache with the panel itself)
  const customer = useQuery(
    trpc.workbench.customer.queryOptions({ tenantId: tenant.tenantId, conversationId: c.id }),
  );
  const contact = customer.data?.contact;
  const title = titleOf({ chatType: c.chatType, chatName: c.chatName, contactName: contact?.name ?? null });
  const mine = c.status === "HUMAN" && c.assignee?.id === myUserId;

  return (
    <header className="grid gap-2 border-b bg-card px-3 py-2.5 sm:px-4">
      <div className="flex items-center gap-2">
        <BackToList />
        <div className="grid min-w-0 flex-1 gap-1">
          <h2 id="conversation-title" className="flex min-w-0 items-center gap-1.5 font-semibold">
            <ChannelIcon channel={c.channel} />
            <span className="truncate">{title}</span>
            {contact?.vip && <VipBadge />}
            {contact && <LevelBadge level={contact.level} />}
          </h2>
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <StatusBadge status={c.status} />
            {c.assignee && <span>{t("handledBy", { name: c.assignee.name })}</span>}
            <SlaBadge sla={c.sla} now={now} showOk={c.status === "PENDING_HUMAN" || c.status === "HUMAN"} />
            {c.escalationReason && c.status !== "BOT" && c.status !== "CLOSED" && (
              <span>{t("escalatedBecause", { reason: reasonText(c.escalationReason) })}</span>
            )}
            {c.status === "CLOSED" && c.outcome && <span>{t(`outcome.${c.outcome}`)}</span>}
            {c.satisfaction !== null && <span>{t("satisfaction", { score: c.satisfaction })}</span>}
          </p>
        </div>
        <CustomerSheet conversationId={c.id} />
      </div>
      <ConversationActions conversation={c} mine={mine} onNotice={onNotice} onTakenOver={onTakenOver} />
      {pendingTransfer && pendingTransfer.fromUserId === myUserId && (
        <OutgoingTransfer conversationId={c.id} transfer={pendingTransfer} />
      )}
    </header>
  );
}
