"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TLiveEvent } from "./types";

// One WebSocket to /workbench/ws per open inbox: the server pushes every live event of the tenant, so
// the workbench never polls. The session cookie authenticates it (same origin). Heartbeats keep the
// agent's presence fresh; a dropped socket reconnects with capped, jittered backoff, and `onResync`
// runs after a reconnect because events sent while the socket was down are gone.

export type TLiveState = "connecting" | "live" | "reconnecting" | "denied";

const HEARTBEAT_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;
/** Close codes the server uses for "no session" / "not allowed": retrying cannot help. */
const FINAL_CLOSE_CODES = new Set([4401, 4403]);

type TServerFrame =
  | { type: "welcome"; userId: string; serverTime: string }
  | { type: "event"; event: TLiveEvent }
  | { type: "error"; code: string; message: string };

export function liveSocketUrl(tenantId: string): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/workbench/ws?tenantId=${encodeURIComponent(tenantId)}`;
}

export function useWorkbenchLive(
  tenantId: string,
  handlers: { onEvent: (event: TLiveEvent) => void; onResync: () => void },
): { state: TLiveState; send: (frame: object) => boolean } {
  const [state, setState] = useState<TLiveState>("connecting");
  const socketRef = useRef<WebSocket | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;

    const connect = () => {
      clearTimeout(retryTimer);
      if (stopped) return;
      const socket = new WebSocket(liveSocketUrl(tenantId));
      socketRef.current = socket;
      socket.onopen = () => {
        // a reconnect may have missed events: reload what is on screen
        if (attempt > 0) handlersRef.current.onResync();
        attempt = 0;
        setState("live");
        heartbeat = setInterval(() => trySend(socket, { type: "heartbeat" }), HEARTBEAT_MS);
      };
      socket.onmessage = (e) => {
        const frame = parseFrame(e.data);
        if (frame?.type === "event") handlersRef.current.onEvent(frame.event);
      };
      socket.onclose = (e) => {
        clearInterval(heartbeat);
        if (socketRef.current === socket) socketRef.current = null;
        if (stopped) return;
        if (FINAL_CLOSE_CODES.has(e.code)) return setState("denied");
        setState("reconnecting");
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
        attempt++;
        retryTimer = setTimeout(connect, delay);
      };
    };

    // back online (laptop lid, train tunnel): try at once instead of waiting out the backoff
    const onOnline = () => {
      if (!socketRef.current) connect();
    };
    window.addEventListener("online", onOnline);
    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      window.removeEventListener("online", onOnline);
      socketRef.current?.close(1000, "leaving");
      socketRef.current = null;
    };
  }, [tenantId]);

  const send = useCallback((frame: object) => {
    const socket = socketRef.current;
    return socket ? trySend(socket, frame) : false;
  }, []);

  return { state, send };
}

function trySend(socket: WebSocket, frame: object): boolean {
  if (socket.readyState !== WebSocket.OPEN) return false;
  socket.send(JSON.stringify(frame));
  return true;
}

function parseFrame(data: unknown): TServerFrame | null {
  if (typeof data !== "string") return null;
  try {
    const frame = JSON.parse(data) as TServerFrame;
    return frame && typeof frame === "object" && "type" in frame ? frame : null;
  } catch {
    return null;
  }
}
