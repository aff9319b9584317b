"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { EventLine } from "./event-line";
import { MessageItem } from "./message-item";
import type { TConversationEventItem, TWorkbenchMessage } from "./types";

type TEntry =
  | { kind: "message"; at: Date; message: TWorkbenchMessage }
  | { kind: "event"; at: Date; event: TConversationEventItem };

const NEAR_BOTTOM_PX = 120;

/**
 * The history, oldest first, with the internal timeline (who took over, transferred, closed) between
 * the messages and a date line where the day changes. It sticks to the bottom while the agent is
 * there, and new customer messages are announced to screen readers.
 */
export function MessageList({
  conversationId,
  messages,
  events,
}: {
  conversationId: string;
  messages: TWorkbenchMessage[];
  events: TConversationEventItem[];
}) {
  const t = useTranslations("workbench");
  const format = useFormatter();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const entries = useMemo<TEntry[]>(
    () =>
      [
        ...messages.map((m) => ({ kind: "message" as const, at: m.createdAt, message: m })),
        ...events.map((e) => ({ kind: "event" as const, at: e.createdAt, event: e })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime()),
    [messages, events],
  );

  // follow new messages while at the bottom (or when the agent's own message is the newest)
  const last = messages[messages.length - 1];
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (atBottom.current || last?.role === "AGENT" || last?.role === "NOTE") el.scrollTop = el.scrollHeight;
  }, [entries.length, last?.role]);

  const announcement = useCustomerAnnouncement(conversationId, messages);
  // the date line of every entry, formatted once per history change rather than on every render
  const days = useMemo(
    () => entries.map((e) => format.dateTime(e.at, { year: "numeric", month: "short", day: "numeric" })),
    [entries, format],
  );

  return (
    <div
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
      }}
      className="min-h-0 flex-1 overflow-y-auto bg-background px-3 py-4 sm:px-4"
    >
      {entries.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted-foreground">{t("noMessages")}</p>
      ) : (
        <ol aria-label={t("historyLabel")} className="mx-auto grid max-w-3xl gap-2.5">
          {entries.map((entry, i) => {
            const day = days[i];
            const showDay = i === 0 || day !== days[i - 1];
            return (
              <Fragment key={`${entry.kind}:${entry.kind === "message" ? entry.message.id : entry.event.id}`}>
                {showDay && (
                  <li aria-hidden className="py-1 text-center text-xs text-muted-foreground">
                    {day}
                  </li>
                )}
                <li>
                  {entry.kind === "message" ? (
                    <MessageItem message={entry.message} />
                  ) : (
                    <EventLine event={entry.event} />
                  )}
                </li>
              </Fragment>
            );
          })}
        </ol>
      )}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}

/** The newest customer message, once it arrives live (not the history shown on opening). */
function useCustomerAnnouncement(conversationId: string, messages: TWorkbenchMessage[]): string {
  const t = useTranslations("workbench");
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    seen.current = null;
    setText("");
  }, [conversationId]);
  useEffect(() => {
    if (!seen.current) {
      seen.current = new Set(messages.map((m) => m.id));
      return;
    }
    const fresh = messages.filter((m) => !seen.current!.has(m.id));
    fresh.forEach((m) => seen.current!.add(m.id));
    const customer = fresh.filter((m) => m.role === "CUSTOMER").pop();
    if (customer) setText(t("newMessage", { text: customer.content.slice(0, 200) }));
  }, [messages, t]);
  return text;
}
