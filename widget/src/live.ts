import type { TLiveEvent } from "./types";
import { warn } from "./util";

// The real-time channel: one WebSocket to /widget/ws on the Kefu origin, no polling. It reconnects
// with exponential backoff (and at once when the browser comes back online); the owner re-fetches the
// session after a reconnect to catch up on what it missed while down.

export type TLiveHandlers = {
  onEvent: (event: TLiveEvent) => void;
  /** the socket is open; `again` when it is a reconnect */
  onUp: (again: boolean) => void;
  onDown: () => void;
  /** closed 4401: the visitor token was refused */
  onUnauthorized: () => void;
};

const PING_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

export class LiveConnection {
  private ws: WebSocket | null = null;
  private attempts = 0;
  private everUp = false;
  private stopped = true;
  private watching = new Set<string>();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: () => string,
    private readonly handlers: TLiveHandlers,
  ) {
    window.addEventListener("online", () => this.reconnectNow());
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.ws?.close(1000);
    this.ws = null;
  }

  watch(conversationId: string): void {
    if (this.watching.has(conversationId)) return;
    this.watching.add(conversationId);
    this.send({ type: "watch", conversationId });
  }

  typing(on: boolean): void {
    this.send({ type: "typing", on });
  }

  private send(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private reconnectNow(): void {
    if (this.stopped || this.ws) return;
    clearTimeout(this.retryTimer);
    this.attempts = 0;
    this.connect();
  }

  private connect(): void {
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url());
    } catch (e) {
      warn("websocket", e);
      return this.retryLater();
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempts = 0;
      for (const id of this.watching) this.send({ type: "watch", conversationId: id });
      this.keepAlive(ws);
      this.handlers.onUp(this.everUp);
      this.everUp = true;
    };
    ws.onmessage = (m) => {
      this.clearTimers();
      this.keepAlive(ws);
      let frame: { type?: string; event?: TLiveEvent; message?: string };
      try {
        frame = JSON.parse(String(m.data));
      } catch {
        return;
      }
      if (frame.type === "event" && frame.event) this.handlers.onEvent(frame.event);
      else if (frame.type === "error") warn("live:", frame.message);
    };
    ws.onclose = (e) => {
      this.clearTimers();
      if (this.ws === ws) this.ws = null;
      if (this.stopped) return;
      if (e.code === 4401) return this.handlers.onUnauthorized();
      // refused for good — retrying cannot help: 4403 origin not allowed, 4404 widget switched off
      if (e.code === 4403 || e.code === 4404) return warn(`live updates refused (${e.code})`);
      this.handlers.onDown();
      this.retryLater();
    };
  }

  // A ping every 25 s keeps proxies from closing an idle socket; no answer within 10 s means the
  // connection is dead even if the browser has not noticed, so it is closed and re-opened.
  private keepAlive(ws: WebSocket): void {
    this.timers.push(
      setTimeout(() => {
        if (ws.readyState !== WebSocket.OPEN) return;
        ws.send(JSON.stringify({ type: "ping" }));
        this.timers.push(setTimeout(() => this.abandon(ws), PONG_TIMEOUT_MS));
      }, PING_MS),
    );
  }

  // A dead socket's close handshake can take minutes to time out, so it is dropped without waiting.
  private abandon(ws: WebSocket): void {
    ws.onclose = ws.onmessage = null;
    ws.close();
    if (this.ws !== ws) return;
    this.ws = null;
    this.handlers.onDown();
    this.retryLater();
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  private retryLater(): void {
    if (this.stopped) return;
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempts++);
    this.retryTimer = setTimeout(() => this.connect(), base / 2 + (Math.random() * base) / 2);
  }
}
