"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseRangeParams, toSearchParams, type TRangeParams } from "./range";

/** The overview's range and channel live in the URL, so a view can be shared and survives a reload. */
export function useRangeParams(): [TRangeParams, (next: TRangeParams) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const view = useMemo(() => parseRangeParams(new URLSearchParams(query)), [query]);
  const setView = useCallback(
    (next: TRangeParams) => {
      const q = toSearchParams(next).toString();
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [view, setView];
}
