import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { logger } from "../logging";
import { topicBus, type TopicBus } from "../realtime/topic-bus";
import { expirePresence, expireStalePresence, PRESENCE_TIMEOUT_MS } from "../services/workbench/presence";
import { acceptBrowserUpgrade, closeBrowserSockets } from "./browser-upgrade";
import { authenticateWorkbench } from "./workbench-auth";
import { WorkbenchSocket } from "./workbench-socket";

// The workbench's live channel (GET /workbench/ws?tenantId=<uuid>; docs/workbench.md): every live
// event of the tenant's inbox, pushed — the workbench never polls. Close codes: 4400 bad tenantId,
// 4401 no or expired session, 4403 foreign Origin or no workbench permission. The server pings every
// 30 s and drops sockets that did not answer the previous ping. When the last socket of an agent on
// this instance is gone for 90 s (and no heartbeat came through another instance), the agent goes
// OFFLINE; a periodic sweep does the same for sockets lost with a crashed instance.

export const WORKBENCH_WS_PATH = "/workbench/ws";
const HARD_MAX_PAYLOAD = 64 * 1024;

export type TWorkbenchGatewayOptions = {
  bus?: TopicBus;
  pingIntervalMs?: number;
  /** how long an agent without sockets stays in their presence before OFFLINE */
  offlineAfterMs?: number;
  /** how often stale presences of all tenants are expired (0: never) */
  presenceSweepMs?: number;
};

export class WorkbenchGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });
  private readonly sockets = new Set<WorkbenchSocket>();
  private readonly offlineTimers = new Map<string, NodeJS.Timeout>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly bus: TopicBus;
  private readonly offlineAfterMs: number;
  private closing = false;

  constructor(options: TWorkbenchGatewayOptions = {}) {
    this.bus = options.bus ?? topicBus();
    this.offlineAfterMs = options.offlineAfterMs ?? PRESENCE_TIMEOUT_MS;
    this.wss.on("error", (err) => logger().error({ err }, "workbench WebSocket server error"));
    this.timers.push(
      setInterval(() => this.sockets.forEach((s) => s.ping()), options.pingIntervalMs ?? 30_000),
    );
    const sweepMs = options.presenceSweepMs ?? 60_000;
    if (sweepMs > 0) this.timers.push(setInterval(() => this.sweepPresence(), sweepMs));
    for (const t of this.timers) t.unref();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** The upgrade handler for WORKBENCH_WS_PATH (register it with the upgrade router). */
  readonly handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.closing) return void socket.destroy();
    acceptBrowserUpgrade({
      name: "workbench",
      wss: this.wss,
      req,
      socket,
      head,
      authenticate: authenticateWorkbench,
      open: (ws, who) => {
        const session = new WorkbenchSocket(ws, who, this.bus, (s) => this.forget(s));
        this.sockets.add(session);
        this.cancelOffline(who.tenantId, who.userId);
        return session;
      },
    });
  };

  /** Closes every workbench socket (browsers reconnect with backoff) and stops accepting new ones. */
  async close(code = 1012): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    for (const t of this.offlineTimers.values()) clearTimeout(t);
    this.offlineTimers.clear();
    await closeBrowserSockets(this.sockets, this.wss, code);
  }

  private forget(s: WorkbenchSocket): void {
    this.sockets.delete(s);
    const { tenantId, userId } = s.who;
    if (this.closing || [...this.sockets].some((o) => o.who.tenantId === tenantId && o.who.userId === userId))
      return;
    const key = `${tenantId}:${userId}`;
    const timer = setTimeout(() => {
      this.offlineTimers.delete(key);
      expirePresence(tenantId, userId, this.offlineAfterMs).catch((err: unknown) =>
        logger().warn({ err, tenantId, userId }, "presence not expired"),
      );
    }, this.offlineAfterMs);
    timer.unref();
    this.offlineTimers.set(key, timer);
  }

  private cancelOffline(tenantId: string, userId: string): void {
    const key = `${tenantId}:${userId}`;
    clearTimeout(this.offlineTimers.get(key));
    this.offlineTimers.delete(key);
  }

  private sweepPresence(): void {
    expireStalePresence().catch((err: unknown) => logger().warn({ err }, "presence sweep failed"));
  }
}

const KEY = Symbol.for("kefu.workbench-gateway");
type G = typeof globalThis & { [KEY]?: WorkbenchGateway };

/** The process's workbench gateway (server/main.ts). */
export function workbenchGateway(): WorkbenchGateway {
  const g = globalThis as G;
  return (g[KEY] ??= new WorkbenchGateway());
}
