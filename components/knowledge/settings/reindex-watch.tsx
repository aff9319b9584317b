"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

// A lexicon change or "Re-index now" starts the re-index job in the background; its run shows up a
// moment later. Until it does (or for WATCH_MS at most), the status card keeps polling.

export const WATCH_MS = 20_000;

type TWatch = { since: number | null; watch: () => void };
const WatchContext = createContext<TWatch>({ since: null, watch: () => {} });

export function ReindexWatchProvider({ children }: { children: React.ReactNode }) {
  const [since, setSince] = useState<number | null>(null);
  const watch = useCallback(() => setSince(Date.now()), []);
  const value = useMemo(() => ({ since, watch }), [since, watch]);
  return <WatchContext.Provider value={value}>{children}</WatchContext.Provider>;
}

export const useReindexWatch = () => useContext(WatchContext);
