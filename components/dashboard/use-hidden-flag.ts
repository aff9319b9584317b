"use client";

import { useCallback, useSyncExternalStore } from "react";

// A per-browser "I have dismissed this" flag in localStorage. Read through useSyncExternalStore so the
// server render and the first client render agree (the server snapshot says "not hidden").

const EVENT = "kefu:hidden-flag";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false; // storage blocked (private mode, policies): the card simply stays
  }
}

export function useHiddenFlag(key: string): [boolean, (hidden: boolean) => void] {
  const hidden = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => false,
  );
  const set = useCallback(
    (value: boolean) => {
      try {
        if (value) window.localStorage.setItem(key, "1");
        else window.localStorage.removeItem(key);
      } catch {
        /* see read() */
      }
      window.dispatchEvent(new Event(EVENT));
    },
    [key],
  );
  return [hidden, set];
}
