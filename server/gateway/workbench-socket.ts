import type { Logger } from "pino";
import WebSocket from "ws";
import { z } from "zod";
import { AppError } from "../errors";
import { logger } from "../logging";
import { trackGatewayConnection } from "../metrics";
import { inboxTopic } from "../realtime/live-events";
import type { TopicBus } from "../realtime/topic-bus";
import { touchPresence } from "../services/workbench/presence";
import { sendAgentTyping } from "../services/workbench/typing";
import { TokenBucket } from "./token-bucket";
import {
  CLOSE_FORBIDDEN,
  CLOSE_UNAUTHORIZED,
  mayUseWorkbench,
  type TWorkbenchIdentity,
} from "./workbench-auth";

// One agent's workbench socket (docs/workbench.md). Forwards every live event of the tenant's inbox
// topic, takes heartbeats (presence) and typing. On every heartbeat the membership is checked again
// and the session's expiry too, so a removed member or an expired session stops receiving events.
// Nothing here may throw out of an event handler.

export const MAX_FRAME_BYTES = 16 * 1024;
/** a client that reads slower than this backlog grows is dropped (it reloads on reconnect) */
const MAX_BUFFERED = 1024 * 1024;

const ZFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heartbeat") }),
  z.object({ type: z.literal("typing"), conversationId: z.string().uuid(), on: z.boolean() }),
]);

export class WorkbenchSocket {
  alive = true;
  private closed = false;
  private unsubscribe: (() => Promise<void>) | null = null;
  private readonly bucket = new TokenBucket(40, 4);
  private readonly log: Logger;
  private untrack: () => void = () => {};

  constructor(
    private readonly ws: WebSocket,
    readonly who: TWorkbenchIdentity,
    private readonly bus: TopicBus,
    private readonly onClose: (s: WorkbenchSocket) => void,
  ) {
    this.log = logger().child({ tenantId: who.tenantId, userId: who.userId, socket: "workbench" });
  }

  /** Subscribes first, then greets: after "welcome" no event is missed. */
  async start(): Promise<void> {
    this.untrack = trackGatewayConnection("workbench"); // released once in release()
    this.ws.on("message", (data, isBinary) => this.guard(() => this.receive(data, isBinary)));
    this.ws.on("close", () => this.guard(() => this.release()));
    this.ws.on("error", (err) => this.log.debug({ err: err.message }, "workbench socket error"));
    this.ws.on("pong", () => (this.alive = true));
    const unsubscribe = await this.bus.subscribe(inboxTopic(this.who.tenantId), (event) => {
      this.send({ type: "event", event });
    });
    if (this.closed) return void (await unsubscribe());
    this.unsubscribe = unsubscribe;
    await touchPresence(this.who.tenantId, this.who.userId);
    this.send({ type: "welcome", userId: this.who.userId, serverTime: new Date().toISOString() });
  }

  ping(): void {
    if (this.who.expiresAt !== null && Date.now() >= this.who.expiresAt)
      return this.close(CLOSE_UNAUTHORIZED, "session expired");
    if (!this.alive) return this.terminate();
    this.alive = false;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private send(frame: unknown): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) return this.close(1013, "client too slow");
    this.ws.send(JSON.stringify(frame));
  }

  private error(code: string, message: string): void {
    this.send({ type: "error", code, message });
  }

  private async receive(data: WebSocket.RawData, isBinary: boolean): Promise<void> {
    this.alive = true;
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    if (isBinary) return this.error("BAD_FRAME", "Frames are JSON text");
    if (bytes > MAX_FRAME_BYTES)
      return this.error("TOO_LARGE", `Frames are at most ${MAX_FRAME_BYTES} bytes`);
    if (!this.bucket.take()) return this.error("RATE_LIMITED", "Too many frames; slow down");
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      return this.error("BAD_FRAME", "Not JSON");
    }
    const frame = ZFrame.safeParse(raw);
    if (!frame.success)
      return this.error(
        "BAD_FRAME",
        frame.error.issues.map((i) => `${i.path.join(".") || "frame"}: ${i.message}`).join("; "),
      );
    if (frame.data.type === "heartbeat") return this.heartbeat();
    try {
      await sendAgentTyping(this.who.tenantId, this.who.userId, frame.data.conversationId, frame.data.on);
    } catch (e) {
      if (e instanceof AppError) return this.error(e.code, e.message);
      throw e;
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.who.expiresAt !== null && Date.now() >= this.who.expiresAt)
      return this.close(CLOSE_UNAUTHORIZED, "session expired");
    if (!(await mayUseWorkbench(this.who.tenantId, this.who.userId)))
      return this.close(CLOSE_FORBIDDEN, "not allowed");
    await touchPresence(this.who.tenantId, this.who.userId);
  }

  private async release(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.untrack();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    this.onClose(this);
    if (unsubscribe) await unsubscribe();
  }

  private guard(task: () => void | Promise<void>): void {
    Promise.resolve()
      .then(task)
      .catch((err: unknown) => this.log.error({ err }, "workbench socket handler failed"));
  }
}
