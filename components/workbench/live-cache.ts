"use client";

import { useQueryClient, type InfiniteData, type QueryFilters } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { TConversationDetail, TInboxItem, TLiveEvent, TLiveMessage, TWorkbenchMessage } from "./types";

// Turns live events into cache updates. A new message is patched straight into the open conversation
// and the inbox rows (it must reach the screen fast); everything else is invalidated by key, and the
// invalidations of a burst of events are coalesced into one refetch per key.

const COALESCE_MS = 150;

type TInboxPage = { items: TInboxItem[]; nextCursor: string | null };

export function toWorkbenchMessage(m: TLiveMessage): TWorkbenchMessage {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    createdAt: new Date(m.createdAt),
    senderName: m.senderName,
    authorName: m.role === "AGENT" || m.role === "NOTE" ? m.senderName : null,
    action: m.action,
    confidence: m.confidence,
    deliveryStatus: null,
    evidence: [],
  };
}

/**
 * Adds a message to a cached conversation. A live copy never overwrites one already there (the
 * server's copy has evidence and delivery state); `replace` puts the server's own answer in place.
 */
export function withMessage(
  detail: TConversationDetail | undefined,
  message: TWorkbenchMessage,
  opts: { replace?: boolean } = {},
): TConversationDetail | undefined {
  if (!detail) return detail;
  const at = detail.messages.findIndex((m) => m.id === message.id);
  if (at === -1) return { ...detail, messages: [...detail.messages, message] };
  if (!opts.replace) return detail;
  return { ...detail, messages: detail.messages.map((m, i) => (i === at ? message : m)) };
}

export function useLiveCache(tenantId: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pending = useRef(new Map<string, QueryFilters>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const invalidate = useCallback(
    (...filters: QueryFilters[]) => {
      for (const f of filters) pending.current.set(JSON.stringify(f.queryKey), f);
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const batch = [...pending.current.values()];
        pending.current.clear();
        for (const f of batch) void qc.invalidateQueries(f);
      }, COALESCE_MS);
    },
    [qc],
  );

  const applyEvent = useCallback(
    (event: TLiveEvent) => {
      const lists = [trpc.workbench.inbox.pathFilter(), trpc.workbench.counts.pathFilter()];
      const conversation = (id: string) =>
        trpc.workbench.conversation.queryFilter({ tenantId, conversationId: id });
      switch (event.type) {
        case "message": {
          const message = toWorkbenchMessage(event.message);
          qc.setQueryData(
            trpc.workbench.conversation.queryKey({ tenantId, conversationId: event.conversationId }),
            (old) => withMessage(old, message),
          );
          const listed = qc
            .getQueriesData<InfiniteData<TInboxPage>>({ queryKey: trpc.workbench.inbox.pathKey() })
            .some(([, data]) => hasRow(data, event.conversationId));
          qc.setQueriesData<InfiniteData<TInboxPage>>({ queryKey: trpc.workbench.inbox.pathKey() }, (old) =>
            patchInboxRow(old, event.conversationId, message),
          );
          // Refetch only what the event cannot carry, so a busy conversation does not make every
          // agent's screen reload three queries per message: the list order always (recency, SLA),
          // the counts only for a conversation not listed yet (a new one), the conversation only for
          // bot and agent lines (evidence and delivery state come from the server).
          invalidate(trpc.workbench.inbox.pathFilter());
          if (!listed) invalidate(trpc.workbench.counts.pathFilter());
          if (message.role !== "CUSTOMER") invalidate(conversation(event.conversationId));
          return;
        }
        case "conversation":
          invalidate(
            ...lists,
            conversation(event.conversationId),
            trpc.workbench.me.pathFilter(),
            trpc.workbench.agents.pathFilter(),
            trpc.workbench.customer.pathFilter(),
          );
          return;
        case "transfer":
          invalidate(...lists, conversation(event.conversationId), trpc.workbench.me.pathFilter());
          return;
        case "presence":
          invalidate(trpc.workbench.agents.pathFilter(), trpc.workbench.me.pathFilter());
          return;
        default:
          return;
      }
    },
    [qc, trpc, tenantId, invalidate],
  );

  const resync = useCallback(() => void qc.invalidateQueries(trpc.workbench.pathFilter()), [qc, trpc]);
  return { applyEvent, resync };
}

function hasRow(data: InfiniteData<TInboxPage> | undefined, conversationId: string): boolean {
  return Boolean(data?.pages?.some((page) => page.items.some((item) => item.id === conversationId)));
}

function patchInboxRow(
  data: InfiniteData<TInboxPage> | undefined,
  conversationId: string,
  message: TWorkbenchMessage,
): InfiniteData<TInboxPage> | undefined {
  // notes are internal: the row's preview shows what the customer saw
  if (!data?.pages || message.role === "NOTE") return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) =>
        item.id === conversationId
          ? {
              ...item,
              lastMessageAt: message.createdAt,
              lastMessage: { role: message.role, content: message.content.slice(0, 120) },
            }
          : item,
      ),
    })),
  };
}
