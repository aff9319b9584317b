"use client";

import { useCallback, useEffect, useRef } from "react";
import { useLive } from "./live-provider";

const REPEAT_MS = 4_000; // the widget drops "typing" after a few seconds, so a long typist re-sends it
const IDLE_MS = 3_000;

/** Sends the agent's typing state to the customer: on at the first key, off after a pause or on send. */
export function useAgentTyping(conversationId: string, enabled: boolean) {
  const { sendTyping } = useLive();
  const lastOn = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stop = useCallback(() => {
    clearTimeout(idle.current);
    if (lastOn.current) sendTyping(conversationId, false);
    lastOn.current = 0;
  }, [conversationId, sendTyping]);

  const onKeystroke = useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (now - lastOn.current > REPEAT_MS) {
      sendTyping(conversationId, true);
      lastOn.current = now;
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stop, IDLE_MS);
  }, [enabled, conversationId, sendTyping, stop]);

  useEffect(() => stop, [stop]);
  return { onKeystroke, stop };
}
