import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { logger } from "../logging";
import { authenticateDevice } from "../services/devices/pairing";
import { AgentSession, CLOSE_UNAUTHORIZED, type TSessionDevice, type TSessionOptions } from "./agent-session";
import { deviceBus, type DeviceBus } from "./device-bus";
import { HeartbeatWriter } from "./heartbeat-writer";
import { TokenBucket } from "./token-bucket";

// The agent WebSocket endpoint (GET /agent/ws). Authenticates the bearer token (header first, then
// ?token=), then hands the socket to an AgentSession. Frames over 64 KiB are answered TOO_LARGE by
// the session; the WebSocket layer only cuts frames over 1 MiB (close 1009).
// Memory (5 000 sockets per instance, bench/gateway.ts): no compression (a zlib context per socket),
// no second registry of clients inside `ws`, and nothing long-lived is created in a scope that holds
// the upgrade request — V8 keeps a closure's whole scope alive, and the request with its headers
// would otherwise stay in memory as long as the socket.

export const AGENT_WS_PATH = "/agent/ws";
const HARD_MAX_PAYLOAD = 1024 * 1024;

export type TAgentGatewayOptions = {
  bus?: DeviceBus;
  heartbeatIntervalSec?: number;
  /** per-device limit on message frames: a burst, refilled at perSec */
  messageRate?: { burst: number; perSec: number };
  processMessage?: TSessionOptions["processMessage"];
  /** heartbeats are written to the database in one batch this often */
  heartbeatFlushMs?: number;
};

export class AgentGateway {
  readonly bus: DeviceBus;
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: HARD_MAX_PAYLOAD,
    perMessageDeflate: false,
    clientTracking: false, // this.sessions is the registry
  });
  private readonly sessions = new Set<AgentSession>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly heartbeats: HeartbeatWriter;
  private readonly heartbeatIntervalSec: number;
  private closing = false;

  constructor(private readonly options: TAgentGatewayOptions = {}) {
    this.bus = options.bus ?? deviceBus();
    this.heartbeatIntervalSec = options.heartbeatIntervalSec ?? 30;
    this.heartbeats = new HeartbeatWriter(options.heartbeatFlushMs ?? 1000);
    this.wss.on("error", (err) => logger().error({ err }, "agent WebSocket server error"));
    // a socket silent for three heartbeat intervals is dead (the agent would have dropped it too)
    this.sweeper = setInterval(() => this.sweep(), this.heartbeatIntervalSec * 1000);
    this.sweeper.unref();
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  /** The upgrade handler for AGENT_WS_PATH (register it with the upgrade router). */
  readonly handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", ignore); // a client resetting mid-handshake must not surface as a crash
    if (this.closing) return void socket.destroy();
    const token = tokenOf(req);
    authenticateDevice(token)
      .then((device) => {
        if (socket.destroyed) return;
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          if (!device) return ws.close(CLOSE_UNAUTHORIZED, "invalid or revoked device token");
          this.open(ws, device);
        });
      })
      .catch((err: unknown) => {
        logger().error({ err }, "agent authentication failed");
        if (!socket.destroyed) {
          socket.write("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
          socket.destroy();
        }
      });
  };

  /** Starts a session; a method of its own so its closures do not keep the upgrade request alive. */
  private open(ws: WebSocket, device: TSessionDevice): void {
    const session = new AgentSession(ws, device, {
      bus: this.bus,
      heartbeatIntervalSec: this.heartbeatIntervalSec,
      bucket: this.bucketFor(device.id),
      heartbeats: this.heartbeats,
      onClose: this.forget,
      processMessage: this.options.processMessage,
    });
    this.sessions.add(session);
    session.start().catch((err: unknown) => {
      logger().error(
        { err, tenantId: device.tenantId, deviceId: device.id },
        "agent session failed to start",
      );
      session.close(1011, "server error");
    });
  }

  private readonly forget = (session: AgentSession): void => void this.sessions.delete(session);

  /** Closes every agent socket (they reconnect elsewhere / later) and stops accepting new ones. */
  async close(code = 1012): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    for (const s of this.sessions) s.close(code, "server restarting");
    const deadline = Date.now() + 2000;
    while (this.sessions.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    for (const s of this.sessions) s.terminate();
    await this.heartbeats.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private bucketFor(deviceId: string): TokenBucket {
    let bucket = this.buckets.get(deviceId);
    if (!bucket) {
      const rate = this.options.messageRate ?? { burst: 120, perSec: 2 };
      bucket = new TokenBucket(rate.burst, rate.perSec);
      this.buckets.set(deviceId, bucket);
    }
    return bucket;
  }

  private sweep(): void {
    const limit = Date.now() - this.heartbeatIntervalSec * 3000;
    for (const s of this.sessions) if (s.lastSeen < limit) s.terminate();
    const live = new Set([...this.sessions].map((s) => s.device.id));
    for (const id of this.buckets.keys()) if (!live.has(id)) this.buckets.delete(id);
  }
}

function ignore(): void {}

function tokenOf(req: IncomingMessage): string {
  const header = req.headers.authorization;
  const bearer = typeof header === "string" ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  if (bearer) return bearer;
  return new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? "";
}

const KEY = Symbol.for("kefu.agent-gateway");
type G = typeof globalThis & { [KEY]?: AgentGateway };

/** The process's gateway (server/main.ts). */
export function agentGateway(): AgentGateway {
  const g = globalThis as G;
  return (g[KEY] ??= new AgentGateway());
}
