"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { useTenant } from "@/components/tenant/tenant-context";
import { cn } from "@/components/ui/cn";

// Canned replies are few (hundreds at most), so the composer loads them once and filters as the agent
// types "/" + a shortcut: instant, and no request per keystroke.

export type TCannedReply = { id: string; shortcut: string; content: string };

const MAX_SHOWN = 8;

/** The shortcut being typed when the draft is "/" + one word, else null. */
export function cannedToken(draft: string): string | null {
  const m = /^\/(\S*)$/.exec(draft);
  return m ? m[1].toLowerCase() : null;
}

export function useCannedMatches(token: string | null): TCannedReply[] {
  const tenant = useTenant();
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.cannedReplies.list.queryOptions({ tenantId: tenant.tenantId }),
    staleTime: 5 * 60_000,
    // a missing or failing list only means no suggestions; the composer still works
    retry: false,
  });
  if (token === null || !list.data) return [];
  const starts = list.data.filter((c) => c.shortcut.toLowerCase().startsWith(token));
  const contains = list.data.filter(
    (c) =>
      !c.shortcut.toLowerCase().startsWith(token) &&
      (c.shortcut.toLowerCase().includes(token) || c.content.toLowerCase().includes(token)),
  );
  return [...starts, ...contains].slice(0, MAX_SHOWN);
}

export function CannedSuggestions({
  id,
  items,
  active,
  onPick,
  onHover,
}: {
  id: string;
  items: TCannedReply[];
  active: number;
  onPick: (c: TCannedReply) => void;
  onHover: (index: number) => void;
}) {
  const t = useTranslations("workbench.composer");
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t("cannedLabel")}
      className="absolute inset-x-0 bottom-full z-10 mb-1 max-h-64 overflow-y-auto rounded-lg border bg-popover p-1 shadow-lg"
    >
      {items.map((c, i) => (
        <li
          key={c.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          // mousedown, not click: the textarea keeps focus
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(c);
          }}
          onMouseEnter={() => onHover(i)}
          className={cn("grid cursor-pointer gap-0.5 rounded-md px-2 py-1.5", i === active && "bg-accent")}
        >
          <span className="text-xs font-semibold text-primary-soft-foreground">/{c.shortcut}</span>
          <span className="line-clamp-2 text-[13px] break-words text-muted-foreground">{c.content}</span>
        </li>
      ))}
    </ul>
  );
}
