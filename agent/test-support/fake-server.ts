import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import {
  MAX_FRAME_BYTES,
  parseAgentFrame,
  type TAgentFrame,
  type TMessageFrame,
  type TSendFrame,
} from "../core/frames";

export type TPairingCode = { status: 200 | 400 | 404 | 410 | 429; deviceToken?: string };

/**
 * A protocol peer that plays the Kefu server (docs/agent-protocol.md) on 127.0.0.1 with real sockets:
 * pairing over HTTP, the agent WebSocket with welcome/ack/send/heartbeat, re-sending unacknowledged
 * sends after a reconnect, revocation (close 4401), and kill/restart on the same port.
 */
export class FakeKefuServer {
  readonly frames: TAgentFrame[] = [];
  readonly stored = new Map<string, TMessageFrame>();
  readonly storedOrder: string[] = [];
  readonly codes = new Map<string, TPairingCode>();
  readonly validTokens = new Set<string>(["token-1"]);
  /** When false, messages are stored but not acknowledged (to keep them in the agent's queue). */
  autoAck = true;
  heartbeatIntervalSec = 30;
  connections = 0;
  private readonly unackedSends: TSendFrame[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private http: Server | null = null;
  private wss: WebSocketServer | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/agent/ws`;
  }

  async start(port = this.port): Promise<void> {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
    this.http = createServer((req, res) => void this.pair(req, res));
    this.http.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/agent/ws")) return socket.destroy();
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
    });
    await new Promise<void>((resolve) => this.http!.listen(port, "127.0.0.1", resolve));
    this.port = (this.http.address() as AddressInfo).port;
  }

  /** Drops every connection and stops listening, keeping what was stored (a crashed server). */
  async kill(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    this.wss?.close();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    this.http = null;
  }

  /** Sends a reply to the agent; it is re-sent on every new connection until the agent answers "sent". */
  send(frame: Omit<TSendFrame, "type">): void {
    const full: TSendFrame = { type: "send", ...frame };
    this.unackedSends.push(full);
    this.broadcast(full);
  }

  broadcast(frame: object): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
  }

  /** Acknowledges every stored message the agent is still waiting for (after autoAck was off). */
  ackAll(): void {
    for (const id of this.storedOrder) this.broadcast({ type: "ack", id, status: "stored" });
  }

  revoke(token: string): void {
    this.validTokens.delete(token);
    for (const ws of this.sockets) ws.close(4401, "device revoked");
  }

  framesOf<T extends TAgentFrame["type"]>(type: T): Extract<TAgentFrame, { type: T }>[] {
    return this.frames.filter((f): f is Extract<TAgentFrame, { type: T }> => f.type === type);
  }

  /** Resolves once `check` holds; re-evaluated after every frame and connection change. */
  waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("fake server: condition not met in time")), timeoutMs);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.check()) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", "http://x");
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? url.searchParams.get("token") ?? "";
    if (!this.validTokens.has(token)) return ws.close(4401, "invalid token");
    this.sockets.add(ws);
    this.connections++;
    ws.on("close", () => (this.sockets.delete(ws), this.notify()));
    ws.on("message", (data) => this.receive(ws, data as Buffer));
    ws.send(
      JSON.stringify({
        type: "welcome",
        deviceId: "dev-1",
        serverTime: new Date().toISOString(),
        heartbeatIntervalSec: this.heartbeatIntervalSec,
      }),
    );
    for (const frame of this.unackedSends) ws.send(JSON.stringify(frame));
    this.notify();
  }

  private receive(ws: WebSocket, data: Buffer): void {
    const parsed = parseAgentFrame(data);
    if (!parsed.ok) {
      ws.send(JSON.stringify({ type: "error", code: "BAD_FRAME", message: parsed.reason, ref: null }));
      return;
    }
    const frame = parsed.frame;
    this.frames.push(frame);
    if (frame.type === "message") {
      const duplicate = this.stored.has(frame.id);
      if (!duplicate) {
        this.stored.set(frame.id, frame);
        this.storedOrder.push(frame.id);
      }
      if (this.autoAck)
        ws.send(JSON.stringify({ type: "ack", id: frame.id, status: duplicate ? "duplicate" : "stored" }));
    } else if (frame.type === "sent") {
      const index = this.unackedSends.findIndex((s) => s.id === frame.id);
      if (index >= 0) this.unackedSends.splice(index, 1);
    } else if (frame.type === "heartbeat") {
      ws.send(JSON.stringify({ type: "heartbeat_ack", serverTime: new Date().toISOString() }));
    }
    this.notify();
  }

  private async pair(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== "/api/agent/pair")
      return reply(404, error("NOT_FOUND", "no route"));
    let body: { code?: unknown; deviceName?: unknown };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      return reply(400, error("BAD_REQUEST", "body is not JSON"));
    }
    if (typeof body.code !== "string" || typeof body.deviceName !== "string") {
      return reply(400, error("BAD_REQUEST", "code and deviceName are required"));
    }
    const entry = this.codes.get(body.code) ?? { status: 404 };
    if (entry.status !== 200) return reply(entry.status, error(ERROR_CODES[entry.status], "pairing refused"));
    this.codes.set(body.code, { status: 404 }); // single use
    const deviceToken = entry.deviceToken ?? "token-1";
    this.validTokens.add(deviceToken);
    reply(200, { deviceId: "dev-1", deviceToken, tenantId: "tenant-1", wsUrl: this.wsUrl });
  }
}

const ERROR_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  404: "NOT_FOUND",
  410: "CODE_EXPIRED",
  429: "RATE_LIMITED",
};

function error(code: string, message: string) {
  return { error: { code, message } };
}
