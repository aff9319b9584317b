"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * The foot of a paginated list: a "load more" button while pages remain, with how many are shown,
 * or the end-of-list sentence once everything is there. Announced politely, so a screen reader hears
 * the new count after loading.
 */
export function LoadMore({
  hasMore,
  loading,
  onMore,
  label,
  shown,
  end,
  className,
}: {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  label: string;
  /** e.g. "showing 50 of 120", under the button */
  shown?: string;
  /** shown when there is nothing more to load; nothing is rendered without it */
  end?: string;
  className?: string;
}) {
  if (!hasMore && !end) return null;
  return (
    <div className={cn("flex flex-col items-center gap-2", className)} aria-live="polite">
      {hasMore ? (
        <>
          <Button variant="outline" loading={loading} onClick={onMore}>
            {label}
          </Button>
          {shown && <p className="text-xs text-muted-foreground">{shown}</p>}
        </>
      ) : (
        <p className="text-[13px] text-muted-foreground">{end}</p>
      )}
    </div>
  );
}
