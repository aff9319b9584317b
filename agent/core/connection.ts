import WebSocket from "ws";
import { Backoff, type TBackoffOptions } from "./backoff";
import { MAX_FRAME_BYTES, parseServerFrame, type TServerFrame } from "./frames";

/** Close code the server uses for a bad or revoked device token. */
export const CLOSE_UNAUTHORIZED = 4401;

export class DeviceRevokedError extends Error {
  constructor() {
    super(
      "The server rejected this device's token (revoked, or paired to another server). " +
        "The agent has stopped. Pair it again: kefu-agent pair <server> <code>",
    );
  }
}

export type TConnectionHandlers = {
  onWelcome(frame: Extract<TServerFrame, { type: "welcome" }>): void;
  onFrame(frame: TServerFrame): void;
  onDisconnect(): void;
  onFatal(error: Error): void;
  log(line: string): void;
};

/**
 * One WebSocket to the server that keeps itself up: reconnects with jittered, capped backoff, and drops
 * a connection that has gone silent for three heartbeat intervals. A 4401 close (or an HTTP 401/403 on
 * the upgrade) is final: retrying a revoked token would only spin.
 */
export class AgentConnection {
  private socket: WebSocket | null = null;
  private ready = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private silenceLimitMs = 90_000;
  private readonly backoff: Backoff;

  constructor(
    private readonly wsUrl: string,
    private readonly token: string,
    backoff: TBackoffOptions,
    private readonly handlers: TConnectionHandlers,
  ) {
    this.backoff = new Backoff(backoff);
  }

  get isReady(): boolean {
    return this.ready;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Sends when a welcomed connection is open; returns false otherwise (the caller keeps the data). */
  send(text: string): boolean {
    if (!this.ready || this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(text);
    return true;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.clearWatchdog();
    this.socket?.close(1000, "agent stopping");
    this.socket = null;
    this.ready = false;
  }

  private connect(): void {
    const socket = new WebSocket(this.wsUrl, {
      headers: { Authorization: `Bearer ${this.token}` },
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: 15_000,
    });
    this.socket = socket;
    socket.on("unexpected-response", (_req, res) => {
      if (res.statusCode === 401 || res.statusCode === 403) this.fail(new DeviceRevokedError());
      else this.handlers.log(`server refused the WebSocket upgrade: HTTP ${res.statusCode}`);
      socket.terminate();
    });
    socket.on("message", (data) => this.receive(data as Buffer));
    socket.on("error", (err) => this.handlers.log(`connection error: ${err.message}`));
    socket.on("close", (code, reason) => this.closed(socket, code, reason.toString()));
  }

  private receive(data: Buffer): void {
    this.armWatchdog();
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.handlers.log(`ignored a server frame: ${parsed.reason}`);
      return;
    }
    if (parsed.frame.type === "welcome") {
      this.ready = true;
      this.backoff.reset();
      this.silenceLimitMs = parsed.frame.heartbeatIntervalSec * 3 * 1000;
      this.armWatchdog();
      this.handlers.onWelcome(parsed.frame);
      return;
    }
    this.handlers.onFrame(parsed.frame);
  }

  private closed(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    const wasReady = this.ready;
    this.ready = false;
    this.socket = null;
    this.clearWatchdog();
    if (wasReady) this.handlers.onDisconnect();
    if (code === CLOSE_UNAUTHORIZED) return this.fail(new DeviceRevokedError());
    if (this.stopped) return;
    const delay = this.backoff.next();
    this.handlers.log(`disconnected (${code}${reason ? ` ${reason}` : ""}); reconnecting in ${delay} ms`);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.stop();
    this.handlers.onFatal(error);
  }

  private armWatchdog(): void {
    this.clearWatchdog();
    if (!this.ready) return;
    this.watchdog = setTimeout(() => {
      this.handlers.log("server silent for three heartbeat intervals; reconnecting");
      this.socket?.terminate();
    }, this.silenceLimitMs);
  }

  private clearWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}
