import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { POST as pairRoute } from "../../app/api/agent/pair/route";
import { AGENT_WS_PATH, AgentGateway, type TAgentGatewayOptions } from "../../server/gateway/agent-gateway";
import { registerUpgrade, routeUpgrade } from "../../server/gateway/upgrade-router";
import { createPairingCode, pairDevice } from "../../server/services/devices/pairing";

// A gateway on a plain http.createServer (no Next) with the same upgrade routing as server/main.ts,
// plus the real pairing route handler, on 127.0.0.1 and a free (or given) port.

export type TTestGateway = {
  gateway: AgentGateway;
  server: Server;
  port: number;
  url: string;
  wsUrl: string;
  stop: () => Promise<void>;
};

export async function startGateway(options: TAgentGatewayOptions = {}, port = 0): Promise<TTestGateway> {
  const gateway = new AgentGateway(options);
  const server = createServer((req, res) => void serveHttp(req, res));
  // one router for every test gateway in this process: route to this instance's handler
  registerUpgrade(AGENT_WS_PATH, (req, socket, head) => {
    const target = GATEWAYS.get((req.socket.localPort ?? 0) as number);
    if (target) target.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.on("upgrade", routeUpgrade);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  GATEWAYS.set(actual, gateway);
  return {
    gateway,
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    wsUrl: `ws://127.0.0.1:${actual}/agent/ws`,
    stop: async () => {
      await gateway.close();
      GATEWAYS.delete(actual);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const GATEWAYS = new Map<number, AgentGateway>();

async function serveHttp(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST" || req.url !== "/api/agent/pair") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await pairRoute(
    new Request(`http://${req.headers.host}${req.url}`, {
      method: "POST",
      headers: {
        "content-type": req.headers["content-type"] ?? "",
        host: req.headers.host ?? "",
        "x-forwarded-for": req.socket.remoteAddress ?? "",
      },
      body: Buffer.concat(chunks),
    }),
  );
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A paired device for the tenant (through the pairing service). */
export async function pairedDevice(tenantId: string, name = "前台电脑") {
  const { code } = await createPairingCode(tenantId, null);
  return pairDevice({ code, deviceName: name, platform: "win32", agentVersion: "0.1.0" });
}

export type TFrame = { type: string; [k: string]: unknown };

/** A raw protocol client that records every server frame and can wait for one. */
export class RawAgent {
  readonly frames: TFrame[] = [];
  closeCode: number | null = null;
  private readonly waiters: (() => void)[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.frames.push(JSON.parse(data.toString()) as TFrame);
      this.notify();
    });
    this.opened = new Promise((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    this.closed = new Promise((resolve) =>
      ws.on("close", (code) => {
        this.closeCode = code;
        this.notify();
        resolve(code);
      }),
    );
    ws.on("error", () => {});
  }

  static connect(wsUrl: string, token: string, via: "header" | "query" = "header"): RawAgent {
    const url = via === "query" ? `${wsUrl}?token=${encodeURIComponent(token)}` : wsUrl;
    return new RawAgent(
      new WebSocket(url, via === "header" ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    );
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  of(type: string): TFrame[] {
    return this.frames.filter((f) => f.type === type);
  }

  async waitFor<T>(check: () => T | undefined | false | null, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > deadline)
        throw new Error(
          `condition not met in ${timeoutMs} ms; frames: ${JSON.stringify(this.frames.slice(-5))}`,
        );
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  /** The first frame matching, counting from `from`. */
  async next(match: (f: TFrame) => boolean, from = 0, timeoutMs?: number): Promise<TFrame> {
    return this.waitFor(() => this.frames.slice(from).find(match), timeoutMs);
  }

  close(): void {
    this.ws.close();
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

export function messageFrame(id: string, text: string, chat = "客户A", extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    id,
    chat: { id: chat, name: chat, type: "private" },
    sender: { id: chat, name: chat },
    text,
    atMe: false,
    sentAt: new Date().toISOString(),
    ...extra,
  };
}

export function heartbeatFrame(extra: Record<string, unknown> = {}) {
  return {
    type: "heartbeat",
    status: { wechat: "ready", cpu: 0.4, mem: 61.9, queue: 0, processed: 3, version: "0.1.0", ...extra },
  };
}
