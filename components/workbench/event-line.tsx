"use client";

import { useFormatter, useTranslations } from "next-intl";
import { memo } from "react";
import { useReasonText } from "./inbox-item";
import type { TConversationEventItem } from "./types";

// The internal timeline between messages: who escalated, took over, transferred, released or closed.
// Customers see their own system lines for these; this is the team's record, with names.

const KNOWN = new Set([
  "escalated",
  "taken_over",
  "transfer_requested",
  "transfer_declined",
  "transferred",
  "released",
  "closed",
  "rated",
]);

export const EventLine = memo(function EventLine({ event: e }: { event: TConversationEventItem }) {
  const t = useTranslations("workbench.events");
  const w = useTranslations("workbench");
  const format = useFormatter();
  const reasonText = useReasonText();
  const actor = e.actorName ?? t("system");
  const data = e.data as Record<string, unknown>;
  const text = !KNOWN.has(e.type)
    ? e.type
    : e.type === "closed" && data.reason === "idle" && !data.outcome
      ? t("closedIdle") // the lifecycle sweep closed it, not a person
      : t(e.type, {
          actor,
          reason: typeof data.reason === "string" ? reasonText(data.reason) : "—",
          outcome: typeof data.outcome === "string" ? w(`outcome.${data.outcome}`) : "—",
          score: typeof data.score === "number" ? data.score : "—",
          agent: typeof data.agentName === "string" ? data.agentName : actor,
        });
  return (
    <div className="flex items-center gap-3 text-xs text-muted-foreground" data-event={e.type}>
      <span aria-hidden className="h-px flex-1 bg-border" />
      <span className="text-center">
        {text}
        <span aria-hidden> · </span>
        <time dateTime={e.createdAt.toISOString()} className="tabular-nums">
          {format.dateTime(e.createdAt, { hour: "2-digit", minute: "2-digit" })}
        </time>
      </span>
      <span aria-hidden className="h-px flex-1 bg-border" />
    </div>
  );
});
