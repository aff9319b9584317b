import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import { clientIpFromHeaders, trustProxy } from "../auth/client-ip";
import { logger } from "../logging";
import { tryConsume } from "../rate-limit";

// The handshake shared by the browser-facing sockets (workbench, widget): a per-IP limit on upgrades,
// then authentication, then the handshake is accepted and — when refused — closed with the verdict's
// code, so the browser can tell "sign in again" from "not allowed" (an HTTP error on the upgrade only
// shows as a generic failure there). Shutting down closes every socket, then terminates stragglers.

export type TUpgradeVerdict<W> = { ok: true; who: W } | { ok: false; code: number; reason: string };

export type TBrowserSocket = {
  start(): Promise<void>;
  close(code: number, reason: string): void;
  terminate(): void;
};

const UPGRADES_PER_MINUTE = 60;

export function acceptBrowserUpgrade<W extends { tenantId: string }>(p: {
  /** names the rate limit and the log lines: "widget", "workbench" */
  name: string;
  wss: WebSocketServer;
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  authenticate: (req: IncomingMessage) => Promise<TUpgradeVerdict<W>>;
  open: (ws: WebSocket, who: W) => TBrowserSocket;
}): void {
  const { name, req, socket } = p;
  socket.on("error", () => {}); // a client resetting mid-handshake must not surface as a crash
  const ip = (trustProxy() ? clientIpFromHeaders(req.headers) : null) ?? req.socket.remoteAddress ?? "?";
  tryConsume(`${name}-ws`, ip, { points: UPGRADES_PER_MINUTE, durationSec: 60 })
    .then(async (allowed) => {
      if (!allowed) return refuse(socket, "429 Too Many Requests");
      const verdict = await p.authenticate(req);
      if (socket.destroyed) return;
      p.wss.handleUpgrade(req, socket, p.head, (ws) => {
        if (!verdict.ok) return ws.close(verdict.code, verdict.reason);
        const session = p.open(ws, verdict.who);
        session.start().catch((err: unknown) => {
          logger().error({ err, tenantId: verdict.who.tenantId }, `${name} socket failed to start`);
          session.close(1011, "server error");
        });
      });
    })
    .catch((err: unknown) => {
      logger().error({ err }, `${name} socket authentication failed`);
      refuse(socket, "503 Service Unavailable");
    });
}

/** Closes every socket (browsers reconnect with backoff), waits up to 2 s, then the server. */
export async function closeBrowserSockets(
  sockets: Set<TBrowserSocket>,
  wss: WebSocketServer,
  code: number,
): Promise<void> {
  for (const s of sockets) s.close(code, "server restarting");
  const deadline = Date.now() + 2000;
  while (sockets.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  for (const s of sockets) s.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}

export function refuse(socket: Duplex, status: string): void {
  if (socket.destroyed) return;
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}
