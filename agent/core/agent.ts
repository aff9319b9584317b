import { randomUUID } from "node:crypto";
import type { TInboundWechatMessage, WechatDriver } from "../drivers/driver";
import type { TAgentConfig } from "./config";
import { AgentConnection } from "./connection";
import { fingerprintMessage } from "./fingerprint";
import {
  encodeAgentFrame,
  fitMessageToFrame,
  type TAgentFrame,
  type TCommandName,
  type TSendFrame,
  type TServerFrame,
} from "./frames";
import type { OfflineQueue } from "./offline-queue";
import type { Pacer } from "./pacing";
import { ProcessStats } from "./process-stats";

export type TAgentOptions = {
  wsUrl: string;
  deviceToken: string;
  driver: WechatDriver;
  queue: OfflineQueue;
  pacer: Pacer;
  config: TAgentConfig;
  version: string;
  /** Re-reads the config file for the "reload" command. */
  reloadConfig?: () => TAgentConfig;
  log?: (line: string) => void;
};

/**
 * Wires WeChat (driver) to the server (connection) through the durable queue: inbound messages are
 * queued before anything else and leave the queue only on the server's ack; replies are paced, typed
 * once per server id, and acknowledged after typing.
 */
export class KefuAgent {
  private readonly connection: AgentConnection;
  private readonly stats = new ProcessStats();
  private readonly inFlightSends = new Set<string>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private processed = 0;
  private paused = false;
  private config: TAgentConfig;
  private finish: ((error?: Error) => void) | null = null;
  private readonly log: (line: string) => void;

  constructor(private readonly options: TAgentOptions) {
    this.config = options.config;
    this.log = options.log ?? (() => {});
    this.connection = new AgentConnection(options.wsUrl, options.deviceToken, this.config.reconnect, {
      onWelcome: (welcome) => this.welcomed(welcome.heartbeatIntervalSec),
      onFrame: (frame) => this.receive(frame),
      onDisconnect: () => this.stopHeartbeat(),
      onFatal: (error) => void this.shutdown(error),
      log: this.log,
    });
    options.driver.onMessage((message) => this.inbound(message));
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Starts the driver and the connection; resolves on stop(), rejects when the device is revoked. */
  async run(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.finish = (error) => (error ? reject(error) : resolve());
    });
    await this.options.driver.start();
    this.connection.start();
    return done;
  }

  async stop(): Promise<void> {
    await this.shutdown();
  }

  private async shutdown(error?: Error): Promise<void> {
    this.connection.stop();
    this.stopHeartbeat();
    await this.options.driver.stop();
    this.options.queue.close();
    this.finish?.(error);
    this.finish = null;
  }

  private inbound(message: TInboundWechatMessage): void {
    const frame = fitMessageToFrame({ type: "message", id: randomUUID(), ...message });
    const fp = fingerprintMessage(
      { chatId: frame.chat.id, senderId: frame.sender.id, text: frame.text, sentAt: frame.sentAt },
      this.config.dedupe.bucketSec * 1000,
    );
    // Stored (fsync'd) before the first attempt to send: a crash from here on cannot lose it.
    if (!this.options.queue.enqueue(frame, fp)) return;
    this.transmit(frame);
  }

  private welcomed(heartbeatIntervalSec: number): void {
    const pending = this.options.queue.pending();
    if (pending.length > 0) this.log(`replaying ${pending.length} queued message(s)`);
    for (const frame of pending) this.transmit(frame);
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), heartbeatIntervalSec * 1000);
    this.heartbeat();
  }

  private receive(frame: TServerFrame): void {
    switch (frame.type) {
      case "ack":
        this.options.queue.acknowledge(frame.id);
        this.processed++;
        return;
      case "send":
        void this.outbound(frame);
        return;
      case "command":
        void this.command(frame.name);
        return;
      case "error":
        this.log(`server error ${frame.code}: ${frame.message}${frame.ref ? ` (ref ${frame.ref})` : ""}`);
        return;
      case "heartbeat_ack":
      case "welcome":
        return;
    }
  }

  private async outbound(frame: TSendFrame): Promise<void> {
    // A re-sent id (after a reconnect) is acknowledged again but never typed twice.
    if (this.options.queue.wasSent(frame.id))
      return void this.transmit({ type: "sent", id: frame.id, ok: true });
    if (this.inFlightSends.has(frame.id)) return;
    this.inFlightSends.add(frame.id);
    try {
      const result = await this.options.pacer.paced(frame.chat.id, frame.text, async () => {
        if (this.paused) return { ok: false as const, error: "agent is paused" };
        return this.options.driver.send(frame.chat, frame.text);
      });
      if (result.ok) {
        this.options.queue.markSent(frame.id);
        this.processed++;
        this.transmit({ type: "sent", id: frame.id, ok: true });
      } else {
        this.transmit({ type: "sent", id: frame.id, ok: false, error: result.error });
      }
    } catch (err) {
      this.transmit({ type: "sent", id: frame.id, ok: false, error: (err as Error).message });
    } finally {
      this.inFlightSends.delete(frame.id);
    }
  }

  private async command(name: TCommandName): Promise<void> {
    this.log(`command: ${name}`);
    if (name === "pause" && !this.paused) {
      this.paused = true;
      await this.options.driver.stop();
    } else if (name === "resume" && this.paused) {
      this.paused = false;
      await this.options.driver.start();
    } else if (name === "reload" && this.options.reloadConfig) {
      try {
        this.config = this.options.reloadConfig();
        this.options.pacer.reconfigure(this.config.pacing);
      } catch (err) {
        this.log(`reload failed, keeping the previous configuration: ${(err as Error).message}`);
      }
    }
    this.heartbeat();
  }

  private heartbeat(): void {
    const { cpu, mem } = this.stats.sample();
    this.transmit({
      type: "heartbeat",
      status: {
        wechat: this.options.driver.status(),
        cpu,
        mem,
        queue: this.options.queue.pendingCount,
        processed: this.processed,
        version: this.options.version,
      },
    });
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private transmit(frame: TAgentFrame): boolean {
    return this.connection.send(encodeAgentFrame(frame));
  }
}
