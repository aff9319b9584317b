"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { useLiveCache } from "./live-cache";
import type { TLiveEvent } from "./types";
import { useWorkbenchLive, type TLiveState } from "./use-workbench-live";
import { isSoundOn, playBeep, showBrowserNotification } from "./waiting-alerts";

// The workbench's live connection, shared by the list and the open conversation: connection state for
// the indicator, the customers' typing state, and a way to send the agent's typing.

const TYPING_TTL_MS = 6_000; // a lost "stopped typing" must not leave the indicator on forever

type TLiveContext = {
  state: TLiveState;
  isCustomerTyping: (conversationId: string) => boolean;
  sendTyping: (conversationId: string, on: boolean) => void;
};

const LiveContext = createContext<TLiveContext | null>(null);

export function useLive(): TLiveContext {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error("useLive() outside <LiveProvider>");
  return ctx;
}

export function LiveProvider({
  myUserId,
  children,
}: {
  myUserId: string | undefined;
  children: React.ReactNode;
}) {
  const t = useTranslations("workbench.alerts");
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const { applyEvent, resync } = useLiveCache(tenant.tenantId);
  const [typing, setTyping] = useState<Record<string, number>>({});
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const typingMutation = useMutation(trpc.workbench.typing.mutationOptions());

  const setCustomerTyping = useCallback((conversationId: string, on: boolean) => {
    clearTimeout(typingTimers.current.get(conversationId));
    setTyping(({ [conversationId]: _, ...rest }) => (on ? { ...rest, [conversationId]: Date.now() } : rest));
    if (on)
      typingTimers.current.set(
        conversationId,
        setTimeout(() => setCustomerTyping(conversationId, false), TYPING_TTL_MS),
      );
  }, []);
  useEffect(() => {
    const timers = typingTimers.current;
    return () => timers.forEach(clearTimeout);
  }, []);

  const alertWaiting = useCallback(
    (conversationId: string, body: string) => {
      if (isSoundOn()) playBeep();
      showBrowserNotification(t("newWaitingTitle"), body, conversationId, () =>
        router.push(`/t/${tenant.slug}/inbox/${conversationId}`),
      );
    },
    [t, router, tenant.slug],
  );

  const onEvent = useCallback(
    (event: TLiveEvent) => {
      applyEvent(event);
      if (event.type === "typing" && event.from === "customer")
        setCustomerTyping(event.conversationId, event.on);
      if (event.type === "message" && event.message.role === "CUSTOMER")
        setCustomerTyping(event.conversationId, false);
      if (event.type === "conversation" && event.change === "escalated" && event.status === "PENDING_HUMAN")
        alertWaiting(event.conversationId, t("newWaitingBody"));
      if (event.type === "transfer" && event.status === "PENDING" && event.toUserId === myUserId)
        alertWaiting(event.conversationId, t("transferBody"));
    },
    [applyEvent, setCustomerTyping, alertWaiting, myUserId, t],
  );

  const { state, send } = useWorkbenchLive(tenant.tenantId, { onEvent, onResync: resync });
  const { mutate: typingViaApi } = typingMutation;

  // the socket is the cheap path; the API is the fallback while it reconnects
  const sendTyping = useCallback(
    (conversationId: string, on: boolean) => {
      if (!send({ type: "typing", conversationId, on }))
        typingViaApi({ tenantId: tenant.tenantId, conversationId, on });
    },
    [send, typingViaApi, tenant.tenantId],
  );
  const value = useMemo<TLiveContext>(
    () => ({ state, isCustomerTyping: (id) => id in typing, sendTyping }),
    [state, typing, sendTyping],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
