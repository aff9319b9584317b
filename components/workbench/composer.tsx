"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Lock, SendHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useErrorText } from "@/components/common/use-error-text";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toast";
import { CannedSuggestions, cannedToken, useCannedMatches, type TCannedReply } from "./canned-suggestions";
import { ComposerMode, type TComposerMode } from "./composer-mode";
import { newClientId } from "./client-id";
import { withMessage } from "./live-cache";
import type { TConversation, TWorkbenchMessage } from "./types";
import { useAgentTyping } from "./use-agent-typing";

const MAX_LENGTH = 4000;

/**
 * Reply to the customer (only the assignee of a HUMAN conversation) or write an internal note (any
 * agent). Enter sends, Shift+Enter breaks the line, and Enter while an IME is composing Chinese is
 * left to the IME. A draft keeps one client id until it is sent, so a retried send is stored once.
 */
export function Composer({
  ref,
  conversation,
  mine,
}: {
  ref: React.Ref<HTMLTextAreaElement>;
  conversation: TConversation;
  mine: boolean;
}) {
  const t = useTranslations("workbench.composer");
  const tenant = useTenant();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const listId = useId();
  const [mode, setMode] = useState<TComposerMode>("reply");
  const [draft, setDraft] = useState("");
  const [active, setActive] = useState(0);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const clientId = useRef(newClientId());
  const typing = useAgentTyping(conversation.id, mine && mode === "reply");
  const effectiveMode: TComposerMode = mine ? mode : "note";
  const closed = conversation.status === "CLOSED";

  const token = dismissedFor !== draft ? cannedToken(draft) : null;
  const matches = useCannedMatches(token);
  const suggesting = matches.length > 0;

  const onSent = (message: TWorkbenchMessage, sentText: string) => {
    qc.setQueryData(
      trpc.workbench.conversation.queryKey({ tenantId: tenant.tenantId, conversationId: conversation.id }),
      (old) => withMessage(old, message, { replace: true }),
    );
    void qc.invalidateQueries(trpc.workbench.inbox.pathFilter());
    clientId.current = newClientId();
    setDraft((current) => (current.trim() === sentText ? "" : current));
  };
  const reply = useMutation(
    trpc.workbench.reply.mutationOptions({
      onSuccess: (r, input) => onSent(r.message, input.text),
      onError: (e) => toast.error(errorText(e, { CONFLICT: t("notYours") })),
    }),
  );
  const note = useMutation(
    trpc.workbench.note.mutationOptions({
      onSuccess: (r, input) => onSent(r.message, input.text),
      onError: (e) => toast.error(errorText(e)),
    }),
  );
  const sending = reply.isPending || note.isPending;

  const send = () => {
    const text = draft.trim();
    if (!text || sending) return;
    const base = { tenantId: tenant.tenantId, conversationId: conversation.id, text };
    if (effectiveMode === "reply") {
      typing.stop();
      reply.mutate({ ...base, clientId: clientId.current });
    } else note.mutate(base);
  };
  const pick = (c: TCannedReply) => {
    setDraft(c.content);
    setActive(0);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // IME candidate selection
    if (suggesting && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      const delta = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + delta + matches.length) % matches.length);
    } else if (suggesting && (e.key === "Enter" || e.key === "Tab") && !e.shiftKey) {
      e.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]);
    } else if (suggesting && e.key === "Escape") {
      e.preventDefault();
      setDismissedFor(draft);
    } else if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };

  const isNote = effectiveMode === "note";

  return (
    <div className={cn("border-t bg-card px-3 pt-2 pb-3 sm:px-4", isNote && "bg-warning-soft/40")}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <ComposerMode mode={effectiveMode} canReply={mine} onChange={setMode} />
        {!mine && (
          <p className="text-xs text-muted-foreground">{closed ? t("closedHint") : t("takeOverToReply")}</p>
        )}
        {isNote && mine && (
          <p className="flex items-center gap-1 text-xs text-warning-soft-foreground">
            <Lock className="size-3" aria-hidden />
            {t("noteHint")}
          </p>
        )}
      </div>
      <div className="relative flex items-end gap-2">
        {suggesting && (
          <CannedSuggestions id={listId} items={matches} active={active} onPick={pick} onHover={setActive} />
        )}
        <textarea
          ref={ref}
          value={draft}
          maxLength={MAX_LENGTH}
          rows={2}
          aria-label={isNote ? t("noteLabel") : t("replyLabel")}
          placeholder={isNote ? t("notePlaceholder") : t("replyPlaceholder")}
          // stays a textbox (a multi-line combobox confuses screen readers); the list is its popup
          aria-controls={suggesting ? listId : undefined}
          aria-activedescendant={suggesting ? `${listId}-${active}` : undefined}
          aria-autocomplete={suggesting ? "list" : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setActive(0);
            typing.onKeystroke();
          }}
          onKeyDown={onKeyDown}
          onBlur={typing.stop}
          className={cn(
            "max-h-48 min-h-[2.75rem] w-full min-w-0 resize-none rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none field-sizing-content placeholder:text-muted-foreground/80 focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 disabled:cursor-not-allowed disabled:opacity-60",
            isNote && "border-amber-400 bg-card",
          )}
        />
        <Button
          size="icon"
          onClick={send}
          loading={sending}
          disabled={!draft.trim()}
          aria-label={isNote ? t("sendNote") : t("send")}
          className={cn(isNote && "bg-amber-600 hover:bg-amber-600/90")}
        >
          {!sending && <SendHorizontal aria-hidden />}
        </Button>
      </div>
      {draft.length > MAX_LENGTH - 500 && (
        <p className="mt-1 text-right text-xs text-muted-foreground tabular-nums" aria-live="polite">
          {draft.length}/{MAX_LENGTH}
        </p>
      )}
    </div>
  );
}
