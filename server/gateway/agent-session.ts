import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import WebSocket from "ws";
import { logger } from "../logging";
import { trackGatewayConnection } from "../metrics";
import { markDelivery, pendingSends, wechatExternalId } from "../services/devices/outbound";
import type { THeartbeat } from "../services/devices/manage-devices";
import { findInbound } from "../services/pipeline/inbound-message";
import { processIncomingMessage } from "../services/pipeline/process-message";
import { parseAgentFrame, type TFrameError, type TMessageFrame } from "./agent-frames";
import type { DeviceBus, TDeviceEvent, TOutgoingSend } from "./device-bus";
import type { HeartbeatWriter } from "./heartbeat-writer";
import type { TokenBucket } from "./token-bucket";

// One agent's socket (docs/agent-protocol.md §2–7). Nothing here may throw out of an event handler:
// every inbound frame is handled inside a catch that logs with the tenant and device.
// An instance holds thousands of these, mostly idle: per-message state (events buffered during start,
// sends in flight) is created on first use, and the logger with the session's ids is made only when
// something is logged.

export const CLOSE_UNAUTHORIZED = 4401;

export type TSessionDevice = { id: string; tenantId: string; paused: boolean };
export type TSessionOptions = {
  bus: DeviceBus;
  heartbeatIntervalSec: number;
  bucket: TokenBucket;
  heartbeats: HeartbeatWriter;
  onClose: (session: AgentSession) => void;
  /** the message pipeline (swappable so the benchmark can measure the gateway on its own) */
  processMessage?: typeof processIncomingMessage;
};

export class AgentSession {
  readonly id = randomUUID();
  lastSeen = Date.now();
  private ready = false;
  private closed = false;
  private buffered: TDeviceEvent[] | null = null;
  /** send ids written to this socket and not yet answered with "sent" */
  private inFlight: Set<string> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private presenceRefreshedAt = 0;
  private untrack: () => void = () => {};

  constructor(
    private readonly ws: WebSocket,
    readonly device: TSessionDevice,
    private readonly o: TSessionOptions,
  ) {}

  private get log(): Logger {
    return logger().child({
      tenantId: this.device.tenantId,
      deviceId: this.device.id,
      connectionId: this.id,
    });
  }

  async start(): Promise<void> {
    this.untrack = trackGatewayConnection("device"); // released once in onClosed
    this.ws.on("message", (data: WebSocket.RawData) =>
      this.guard("frame", () => this.receive(toBuffer(data))),
    );
    this.ws.on("close", (code: number) => this.guard("close", () => this.onClosed(code)));
    this.ws.on("error", (err) => this.log.warn({ err: err.message }, "agent socket error"));
    this.send({
      type: "welcome",
      deviceId: this.device.id,
      serverTime: new Date().toISOString(),
      heartbeatIntervalSec: this.o.heartbeatIntervalSec,
    });
    // Subscribe before reading the outbox: a reply stored after the read is published after it,
    // and events are buffered until the backlog is out, so the original order holds.
    this.unsubscribe = await this.o.bus.subscribe(this.device.id, (event) => this.onEvent(event));
    await this.o.bus.markConnected(this.device.id, this.id);
    if (this.closed) return this.release();
    if (this.device.paused) this.send({ type: "command", name: "pause" });
    this.sendFrames(await pendingSends(this.device.tenantId, this.device.id));
    this.ready = true;
    const buffered = this.buffered ?? [];
    this.buffered = null;
    for (const event of buffered) this.onEvent(event);
    this.log.info("agent connected");
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private guard(what: string, fn: () => unknown): void {
    try {
      const r = fn();
      if (r instanceof Promise)
        r.catch((err: unknown) => this.log.error({ err }, `agent ${what} handler failed`));
    } catch (err) {
      this.log.error({ err }, `agent ${what} handler failed`);
    }
  }

  private receive(data: Buffer): void {
    this.lastSeen = Date.now();
    const parsed = parseAgentFrame(data);
    if (!parsed.ok) return this.refuse(parsed.error);
    const frame = parsed.frame;
    if (frame.type === "message") {
      if (!this.o.bucket.take())
        return this.refuse({ code: "RATE_LIMITED", message: "too many messages", ref: frame.id });
      this.enqueueMessage(frame);
    } else if (frame.type === "sent") {
      this.inFlight?.delete(frame.id);
      void markDelivery(this.device.tenantId, this.device.id, frame.id, frame.ok)
        .then((changed) => {
          if (!frame.ok) this.log.warn({ messageId: frame.id, error: frame.error }, "agent could not send");
          else if (!changed)
            this.log.debug({ messageId: frame.id }, "sent for an unknown or settled message");
        })
        .catch((err: unknown) => this.log.error({ err, messageId: frame.id }, "recording a send failed"));
    } else {
      this.send({ type: "heartbeat_ack", serverTime: new Date().toISOString() });
      this.heartbeat(frame.status);
    }
  }

  private refuse(error: TFrameError | { code: "RATE_LIMITED"; message: string; ref: string }): void {
    this.log.debug({ code: error.code, reason: error.message, ref: error.ref }, "agent frame refused");
    this.send({ type: "error", code: error.code, message: error.message, ref: error.ref });
  }

  /**
   * Every message goes to the pipeline at once: it stores one chat's messages in arrival order and
   * answers them one after another (process-message.ts), so the ack of a message never waits for the
   * answer to an earlier one.
   */
  private enqueueMessage(frame: TMessageFrame): void {
    this.handleMessage(frame).catch((err: unknown) =>
      this.log.error({ err, ref: frame.id }, "agent message failed"),
    );
  }

  private async handleMessage(frame: TMessageFrame): Promise<void> {
    const { tenantId, id: deviceId } = this.device;
    const externalId = wechatExternalId(deviceId, frame.id);
    // The ack goes out as soon as the message row is committed (the pipeline's onStored hook), not
    // when the answer is ready: the agent may forget the message then, and the answer follows as a
    // `send`. A replay of a stored message is acknowledged as a duplicate at once, without waiting for
    // its answer. Only when the hook never ran (a failure while storing) is the ack decided below.
    let acked = false;
    const onStored = (_messageId?: string, duplicate = false) => {
      if (acked) return;
      acked = true;
      this.ack(frame.id, duplicate ? "duplicate" : "stored");
    };
    let result;
    try {
      result = await (this.o.processMessage ?? processIncomingMessage)(
        {
          tenantId,
          channel: "WECHAT",
          externalId,
          deviceId,
          contact: {
            externalId: clip(frame.sender.id, 200),
            name: clip(frame.sender.name, 100) || undefined,
          },
          chat: {
            id: clip(frame.chat.id, 200),
            name: clip(frame.chat.name, 100) || undefined,
            type: frame.chat.type,
          },
          text: clip(frame.text.trim(), 4000),
          atMe: frame.atMe,
        },
        { onStored, waitForDuplicate: false },
      );
    } catch (err) {
      // the customer's message is stored first; if it is, the agent may forget it (the answer failed)
      const stored = acked || Boolean(await findInbound(tenantId, externalId).catch(() => null));
      this.log.error({ err, ref: frame.id, stored }, "pipeline failed for an agent message");
      if (stored) onStored();
      return;
    }
    if (!acked) {
      acked = true;
      this.ack(frame.id, result.duplicate ? "duplicate" : "stored");
    }
    if (result.duplicate || !result.replyMessageId || !result.content) return;
    const send: TOutgoingSend = {
      type: "send",
      id: result.replyMessageId,
      chat: frame.chat,
      text: result.content,
      replyTo: frame.id,
    };
    // this socket is the device's: write directly; otherwise (it closed meanwhile) fan out
    if (this.ready && !this.closed) this.sendFrames([send]);
    else await this.o.bus.publish(deviceId, { kind: "send", frames: [send] });
  }

  private ack(id: string, status: "stored" | "duplicate"): void {
    this.send({ type: "ack", id, status });
  }

  /** Heartbeats are written in batches; presence (the Redis entry's TTL) is refreshed at most once a minute. */
  private heartbeat(status: THeartbeat): void {
    this.o.heartbeats.push(this.device.tenantId, this.device.id, status);
    if (Date.now() - this.presenceRefreshedAt < 60_000) return;
    this.presenceRefreshedAt = Date.now();
    this.o.bus
      .markConnected(this.device.id, this.id)
      .catch((err: unknown) => this.log.warn({ err }, "refreshing presence failed"));
  }

  private onEvent(event: TDeviceEvent): void {
    if (this.closed) return;
    if (!this.ready) return void (this.buffered ??= []).push(event);
    if (event.kind === "send") this.sendFrames(event.frames);
    else if (event.kind === "command") this.send({ type: "command", name: event.name });
    else if (event.kind === "revoke") {
      this.log.info("device revoked; closing its socket");
      this.close(CLOSE_UNAUTHORIZED, "device revoked");
    }
  }

  private sendFrames(frames: TOutgoingSend[]): void {
    if (frames.length === 0) return;
    const inFlight = (this.inFlight ??= new Set());
    for (const frame of frames) {
      if (inFlight.has(frame.id)) continue;
      inFlight.add(frame.id);
      this.send(frame);
    }
  }

  private send(frame: object): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(JSON.stringify(frame), (err) => {
      if (err) this.log.debug({ err: err.message }, "agent socket write failed");
    });
  }

  private async onClosed(code: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ready = false;
    this.untrack();
    this.o.onClose(this);
    this.log.info({ code }, "agent disconnected");
    if (this.unsubscribe) await this.release();
  }

  private async release(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await Promise.allSettled([unsubscribe?.(), this.o.bus.markDisconnected(this.device.id, this.id)]);
  }
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
