import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { logger } from "../logging";
import { topicBus, type TopicBus } from "../realtime/topic-bus";
import { verifyVisitorToken } from "../services/widget/visitor-token";
import { decideOrigin } from "../services/widget/widget-origin";
import { findWidgetTenant, ZVisitorId } from "../services/widget/widget-tenant";
import { acceptBrowserUpgrade, closeBrowserSockets, type TUpgradeVerdict } from "./browser-upgrade";
import { WidgetSocket, type TWidgetIdentity } from "./widget-socket";

// The widget's live channel (GET /widget/ws?tenant=<slug>&visitor=<id>&token=<token>), no polling.
// The handshake is accepted and then closed with a reason code, so browsers can tell why:
// 4401 bad visitor token, 4403 origin not allowed for the tenant, 4404 unknown tenant or widget off.
// Frames over 16 KiB are answered TOO_LARGE; the WebSocket layer cuts frames over 64 KiB (1009).
// The server pings every 30 s and drops sockets that did not answer the previous ping.

export const WIDGET_WS_PATH = "/widget/ws";
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_ORIGIN_REFUSED = 4403;
export const CLOSE_UNKNOWN_TENANT = 4404;
const HARD_MAX_PAYLOAD = 64 * 1024;

export type TWidgetGatewayOptions = { bus?: TopicBus; pingIntervalMs?: number };

type TVerdict = TUpgradeVerdict<TWidgetIdentity>;

export class WidgetGateway {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_PAYLOAD });
  private readonly sockets = new Set<WidgetSocket>();
  private readonly pinger: NodeJS.Timeout;
  private readonly bus: TopicBus;
  private closing = false;

  constructor(options: TWidgetGatewayOptions = {}) {
    this.bus = options.bus ?? topicBus();
    this.wss.on("error", (err) => logger().error({ err }, "widget WebSocket server error"));
    this.pinger = setInterval(() => this.sockets.forEach((s) => s.ping()), options.pingIntervalMs ?? 30_000);
    this.pinger.unref();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** The upgrade handler for WIDGET_WS_PATH (register it with the upgrade router). */
  readonly handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.closing) return void socket.destroy();
    acceptBrowserUpgrade({
      name: "widget",
      wss: this.wss,
      req,
      socket,
      head,
      authenticate,
      open: (ws, who) => {
        const session = new WidgetSocket(ws, who, this.bus, (s) => this.sockets.delete(s));
        this.sockets.add(session);
        return session;
      },
    });
  };

  /** Closes every widget socket (browsers reconnect with backoff) and stops accepting new ones. */
  async close(code = 1012): Promise<void> {
    this.closing = true;
    clearInterval(this.pinger);
    await closeBrowserSockets(this.sockets, this.wss, code);
  }
}

async function authenticate(req: IncomingMessage): Promise<TVerdict> {
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const tenant = await findWidgetTenant(query.get("tenant") ?? "");
  if (!tenant) return { ok: false, code: CLOSE_UNKNOWN_TENANT, reason: "no chat widget for this tenant" };
  const origin = typeof req.headers.origin === "string" ? req.headers.origin : null;
  if (!decideOrigin(origin, tenant.settings.allowedOrigins, req.headers.host).allowed)
    return { ok: false, code: CLOSE_ORIGIN_REFUSED, reason: "origin not allowed" };
  const visitor = ZVisitorId.safeParse(query.get("visitor") ?? "");
  if (!visitor.success || !verifyVisitorToken(tenant.id, visitor.data, query.get("token") ?? ""))
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: "invalid visitor token" };
  return { ok: true, who: { tenantId: tenant.id, visitorId: visitor.data } };
}

const KEY = Symbol.for("kefu.widget-gateway");
type G = typeof globalThis & { [KEY]?: WidgetGateway };

/** The process's widget gateway (server/main.ts). */
export function widgetGateway(): WidgetGateway {
  const g = globalThis as G;
  return (g[KEY] ??= new WidgetGateway());
}
