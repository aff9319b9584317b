import type { Logger } from "pino";
import WebSocket from "ws";
import { z } from "zod";
import { logger } from "../logging";
import { trackGatewayConnection } from "../metrics";
import { conversationTopic, isCustomerVisible, publishLive, type TLiveEvent } from "../realtime/live-events";
import type { TopicBus } from "../realtime/topic-bus";
import { isVisitorConversation, visitorConversation } from "../services/widget/widget-session";
import { TokenBucket } from "./token-bucket";

// One widget visitor's socket (docs/widget.md, "WebSocket"). It forwards the customer-visible live
// events of the visitor's own conversations, and relays the visitor's typing to the agents. Nothing
// here may throw out of an event handler.

export const MAX_FRAME_BYTES = 16 * 1024;
/** a visitor starts a new conversation after each close; older ones drop out of the watch list */
export const MAX_WATCHED = 5;
/** a socket whose client reads slower than this backlog grows is dropped (it reloads on reconnect) */
const MAX_BUFFERED = 1024 * 1024;
const TYPING_REPEAT_MS = 3000;

const ZFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("watch"), conversationId: z.string().uuid() }),
  z.object({ type: z.literal("typing"), on: z.boolean() }),
  z.object({ type: z.literal("ping") }),
]);

export type TWidgetIdentity = { tenantId: string; visitorId: string };

export class WidgetSocket {
  alive = true;
  private closed = false;
  /** conversation id → its subscription (insertion order = age, for eviction) */
  private readonly watched = new Map<string, Promise<() => Promise<void>>>();
  private readonly bucket = new TokenBucket(30, 5);
  private typing = { conversationId: "", on: false, at: 0 };
  private readonly log: Logger;
  private untrack: () => void = () => {};

  constructor(
    private readonly ws: WebSocket,
    readonly who: TWidgetIdentity,
    private readonly bus: TopicBus,
    private readonly onClose: (s: WidgetSocket) => void,
  ) {
    this.log = logger().child({ tenantId: who.tenantId, visitorId: who.visitorId, socket: "widget" });
  }

  /** Watches the visitor's open conversation, then greets: after "welcome" no event is missed. */
  async start(): Promise<void> {
    this.untrack = trackGatewayConnection("widget"); // released once in release()
    this.ws.on("message", (data, isBinary) => this.guard(() => this.receive(data, isBinary)));
    this.ws.on("close", () => this.guard(() => this.release()));
    this.ws.on("error", (err) => this.log.debug({ err: err.message }, "widget socket error"));
    this.ws.on("pong", () => (this.alive = true));
    const open = await visitorConversation(this.who.tenantId, this.who.visitorId);
    if (open) await this.watch(open.id, false);
    this.send({ type: "welcome", serverTime: new Date().toISOString() });
  }

  ping(): void {
    if (!this.alive) return this.terminate();
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate(); // not open any more
    }
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
    void this.release();
  }

  private async receive(data: WebSocket.RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data)
      ? data.reduce((n, b) => n + b.length, 0)
      : data instanceof ArrayBuffer
        ? data.byteLength
        : data.length;
    if (bytes > MAX_FRAME_BYTES)
      return this.error("TOO_LARGE", `Frames are limited to ${MAX_FRAME_BYTES} bytes`);
    if (!this.bucket.take()) return this.error("RATE_LIMITED", "Too many frames; slow down");
    if (isBinary) return this.error("BAD_FRAME", "Send JSON text frames");
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      return this.error("BAD_FRAME", "The frame is not valid JSON");
    }
    const frame = ZFrame.safeParse(json);
    if (!frame.success)
      return this.error("BAD_FRAME", frame.error.issues.map((i) => i.message).join("; ") || "Bad frame");
    const f = frame.data;
    if (f.type === "ping") return this.send({ type: "pong" });
    if (f.type === "watch") return this.watch(f.conversationId, true);
    return this.relayTyping(f.on);
  }

  private async watch(conversationId: string, checkOwner: boolean): Promise<void> {
    if (this.watched.has(conversationId)) return this.send({ type: "watching", conversationId });
    if (checkOwner && !(await isVisitorConversation(this.who.tenantId, this.who.visitorId, conversationId)))
      return this.error("FORBIDDEN", "This conversation is not yours");
    if (this.closed || this.watched.has(conversationId)) return;
    if (this.watched.size >= MAX_WATCHED) {
      const [oldest, unsubscribe] = this.watched.entries().next().value!;
      this.watched.delete(oldest);
      await unsubscribe.then((stop) => stop()).catch(() => {});
    }
    const subscription = this.bus.subscribe(conversationTopic(conversationId), (payload) =>
      this.forward(payload as TLiveEvent),
    );
    this.watched.set(conversationId, subscription);
    try {
      await subscription;
    } catch (err) {
      this.watched.delete(conversationId);
      throw err;
    }
    if (!this.closed) this.send({ type: "watching", conversationId });
  }

  private forward(event: TLiveEvent): void {
    // the conversation topic only carries customer-visible events; checked again, notes must never leak
    if (this.closed || !isCustomerVisible(event) || event.tenantId !== this.who.tenantId) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.log.warn("widget socket too slow; dropping it");
      return this.terminate();
    }
    this.send({ type: "event", event });
  }

  /** Typing goes to the agents of the visitor's latest watched conversation, throttled. */
  private async relayTyping(on: boolean): Promise<void> {
    const conversationId = [...this.watched.keys()].pop();
    if (!conversationId) return;
    const now = Date.now();
    const t = this.typing;
    if (t.conversationId === conversationId && t.on === on && now - t.at < TYPING_REPEAT_MS) return;
    this.typing = { conversationId, on, at: now };
    await publishLive({ type: "typing", tenantId: this.who.tenantId, conversationId, from: "customer", on });
  }

  private send(frame: Record<string, unknown>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private error(code: string, message: string): void {
    this.send({ type: "error", code, message });
  }

  private async release(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.untrack();
    this.onClose(this);
    const subscriptions = [...this.watched.values()];
    this.watched.clear();
    for (const s of subscriptions) await s.then((stop) => stop()).catch(() => {});
  }

  private guard(task: () => Promise<void> | void): void {
    Promise.resolve()
      .then(task)
      .catch((err: unknown) => {
        this.log.error({ err }, "widget socket handler failed");
        this.error("INTERNAL", "Something went wrong; please retry");
      });
  }
}
