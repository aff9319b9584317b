"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { cn } from "@/components/ui/cn";
import { INBOX_VIEWS, type TCounts, type TInboxView } from "./types";

/** The five views as tabs (arrow keys move between them); each shows its count. */
export function InboxTabs({
  view,
  counts,
  onChange,
}: {
  view: TInboxView;
  counts: TCounts | undefined;
  onChange: (view: TInboxView) => void;
}) {
  const t = useTranslations("workbench.views");
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, delta: number) => {
    const next = (from + delta + INBOX_VIEWS.length) % INBOX_VIEWS.length;
    onChange(INBOX_VIEWS[next]);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("label")} className="grid grid-cols-5 gap-0.5 border-b p-1.5">
      {INBOX_VIEWS.map((v, i) => {
        const selected = v === view;
        const count = counts?.[v];
        return (
          <button
            key={v}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={selected ? "inbox-panel" : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(v)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(i, 1);
              else if (e.key === "ArrowLeft") move(i, -1);
            }}
            className={cn(
              "flex min-w-0 flex-col items-center gap-0.5 rounded-md px-1 py-1 text-xs font-medium text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              selected && "bg-accent text-foreground",
            )}
          >
            <span className="max-w-full truncate">{t(v)}</span>
            <span
              className={cn(
                "min-w-5 rounded-full px-1.5 text-center text-[11px] leading-4 tabular-nums",
                v === "waiting" && count ? "bg-primary text-primary-foreground" : "text-muted-foreground",
              )}
            >
              {count ?? "\u00a0"}
            </span>
          </button>
        );
      })}
    </div>
  );
}
