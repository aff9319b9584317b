"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * The foot of a paginated list: a "load more" button while pages remain, with how many are shown,
 * or the end-of-list sentence once everything is there. Announced politely, so a screen reader hears
 * the new count after loading.
 */
/** What LoadMore needs of an infinite query (useInfiniteQuery's result). */
export type TPagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

export function LoadMore({
  pages,
  label,
  shown,
  end,
  className,
}: {
  pages: TPagedQuery;
  label: string;
  /** e.g. "showing 50 of 120", under the button */
  shown?: string;
  /** shown when there is nothing more to load; nothing is rendered without it */
  end?: string;
  className?: string;
}) {
  if (!pages.hasNextPage && !end) return null;
  return (
    <div className={cn("flex flex-col items-center gap-2", className)} aria-live="polite">
      {pages.hasNextPage ? (
        <>
          <Button variant="outline" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
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
