"use client";

import { useCallback, useEffect, useSyncExternalStore } from "react";
import { applyTheme, readTheme, THEME_KEY, type TTheme } from "./theme";

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useTheme() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => "system" as TTheme);

  // while following the system, react to the OS switching between light and dark
  useEffect(() => {
    if (theme !== "system") return;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => applyTheme("system");
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [theme]);

  const setTheme = useCallback((next: TTheme) => {
    try {
      if (next === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, next);
    } catch {
      /* private mode: still apply for this page */
    }
    applyTheme(next);
    listeners.forEach((l) => l());
  }, []);

  return { theme, setTheme };
}
