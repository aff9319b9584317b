import type { TChat } from "../../core/frames";
import type { TInboundWechatMessage, TSendResult, TWechatStatus, WechatDriver, WechatState } from "../driver";

export type TSimulatedSend = { chat: TChat; text: string; at: number };

const GUIDANCE: Partial<Record<WechatState, string>> = {
  ui_hidden: "Simulated: WeChat's window is hidden.",
  logged_out: "Simulated: WeChat is logged out.",
  not_running: "Simulated: WeChat is not running.",
};

/**
 * A WeChat stand-in for tests and demos: inject incoming messages, read back what the bot typed,
 * make sends fail, or switch to a non-ready state (sends then fail as they would on a real PC).
 */
export class SimulatedDriver implements WechatDriver {
  readonly id = "simulated";
  readonly sent: TSimulatedSend[] = [];
  private readonly listeners: ((m: TInboundWechatMessage) => void)[] = [];
  private readonly sentListeners: ((s: TSimulatedSend) => void)[] = [];
  private state: WechatState = "not_running";
  private failuresLeft = 0;
  private failureMessage = "simulated failure";
  running = false;

  constructor(private readonly now: () => number = Date.now) {}

  async start(): Promise<void> {
    this.running = true;
    if (this.state === "not_running") this.state = "ready";
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  status(): WechatState {
    return this.state;
  }

  statusDetail(): TWechatStatus {
    return { state: this.state, guidance: GUIDANCE[this.state], wechatVersion: "simulated" };
  }

  onMessage(cb: (message: TInboundWechatMessage) => void): void {
    this.listeners.push(cb);
  }

  /** Called for every successful send (the console demo prints them). */
  onSent(cb: (send: TSimulatedSend) => void): void {
    this.sentListeners.push(cb);
  }

  async send(chat: TChat, text: string): Promise<TSendResult> {
    if (this.state !== "ready") return { ok: false, error: `wechat is ${this.state}` };
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return { ok: false, error: this.failureMessage };
    }
    const record = { chat, text, at: this.now() };
    this.sent.push(record);
    for (const cb of this.sentListeners) cb(record);
    return { ok: true };
  }

  // ---- scripting ----

  /** Delivers a customer message as if it had appeared in WeChat (ignored while stopped, like the UI). */
  inject(message: Partial<TInboundWechatMessage> & { text: string; chatName?: string }): void {
    if (!this.running) return;
    const chatName = message.chatName ?? message.chat?.name ?? "客户";
    const full: TInboundWechatMessage = {
      chat: message.chat ?? { id: chatName, name: chatName, type: "private" },
      sender: message.sender ?? { id: chatName, name: chatName },
      text: message.text,
      atMe: message.atMe ?? false,
      sentAt: message.sentAt ?? new Date(this.now()).toISOString(),
    };
    for (const cb of this.listeners) cb(full);
  }

  setState(state: WechatState): void {
    this.state = state;
  }

  failNextSends(count: number, message = "simulated failure"): void {
    this.failuresLeft = count;
    this.failureMessage = message;
  }
}
