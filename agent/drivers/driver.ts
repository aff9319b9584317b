import type { TChat, TWechatState } from "../core/frames";
import type { SerialQueue } from "../core/serial-queue";

export type WechatState = TWechatState;

export type TWechatStatus = {
  state: WechatState;
  /** What the person at the PC should do about a non-ready state (shown in logs and the dashboard). */
  guidance?: string;
  wechatVersion?: string;
  selfName?: string;
};

/** One customer message as read from WeChat, before the core gives it an id and queues it. */
export type TInboundWechatMessage = {
  chat: TChat;
  sender: { id: string; name: string };
  text: string;
  atMe: boolean;
  /** ISO time: from WeChat's time separator when the driver can read one, else when it was observed. */
  sentAt: string;
};

export type TSendResult = { ok: true } | { ok: false; error: string };

/**
 * The mechanics of one WeChat client. Drivers do not pace, queue or de-duplicate: the core does, and
 * it hands every driver the UI lock so reading and typing never interleave.
 */
export interface WechatDriver {
  readonly id: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Cheap, synchronous: the state last observed (the heartbeat reads it every 30 s). */
  status(): WechatState;
  /** The same observation with guidance and version, for logs and the CLI. */
  statusDetail(): TWechatStatus;
  onMessage(cb: (message: TInboundWechatMessage) => void): void;
  send(chat: TChat, text: string): Promise<TSendResult>;
}

export type TDriverContext = { uiLock: SerialQueue; log: (line: string) => void };
