import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

// WebSocket upgrades are routed by path. Gateways (agent, widget) register their path here; Next keeps
// /_next/* (HMR in dev); anything else is refused so sockets never hang. No app route may match a
// registered path, or Next's own upgrade listener would end the socket.

export type TUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

const handlers = new Map<string, TUpgradeHandler>();

export function registerUpgrade(pathname: string, handler: TUpgradeHandler): void {
  handlers.set(pathname, handler);
}

export function routeUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const handler = handlers.get(pathname);
  if (handler) return handler(req, socket, head);
  if (pathname.startsWith("/_next/")) return; // Next's listener answers (HMR)
  socket.write("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  socket.destroy();
}
