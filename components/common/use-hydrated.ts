"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React has hydrated. Submit buttons of credential forms stay
 * disabled until then: a click before hydration would submit the form natively, as a GET with the
 * password in the URL (and in every log on the way).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
