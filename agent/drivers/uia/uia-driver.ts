import type { TAgentConfig } from "../../core/config";
import type { TChat } from "../../core/frames";
import type {
  TDriverContext,
  TInboundWechatMessage,
  TSendResult,
  TWechatStatus,
  WechatDriver,
  WechatState,
} from "../driver";
import type { HelperTransport } from "./helper-process";
import { readChatView, type TChatView, type TParsedMessage } from "./message-list";
import { PROFILES, WECHAT_TEXT, type TSelectorProfile } from "./profiles";
import { readSessions } from "./session-list";
import { parseTimeLabel } from "./time-label";
import { ZSnapshot, type TSnapshot } from "./ui-tree";
import { NewMessageTracker } from "./new-message-tracker";
import { readWechatState } from "./window-state";
import { detectAtMe } from "./at-me";

const ECHO_WINDOW_MS = 120_000;

/**
 * Drives WeChat PC through the PowerShell helper: polls a snapshot of the main window, reports new
 * friend messages in the open chat and in chats with unread badges, and sends by focusing the chat,
 * pasting and pressing Enter. Every poll holds the UI lock; send() is called with the lock already held
 * (by the pacer), so it must not take it again.
 */
export class UiaDriver implements WechatDriver {
  readonly id = "uia";
  private readonly listeners: ((m: TInboundWechatMessage) => void)[] = [];
  private readonly tracker = new NewMessageTracker();
  private readonly recentSends: { chat: string; text: string; at: number }[] = [];
  private current: TWechatStatus & { profile?: TSelectorProfile } = { state: "not_running" };
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly helper: HelperTransport,
    private readonly config: TAgentConfig["uia"],
    private readonly context: TDriverContext,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.tracker.forget(); // RuntimeIds from an earlier run mean nothing now: baseline again
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  status(): WechatState {
    return this.current.state;
  }

  statusDetail(): TWechatStatus {
    const { profile: _profile, ...status } = this.current;
    return status;
  }

  onMessage(cb: (message: TInboundWechatMessage) => void): void {
    this.listeners.push(cb);
  }

  async send(chat: TChat, text: string): Promise<TSendResult> {
    try {
      let { view, profile } = await this.readReady();
      if (view?.chatName !== chat.name) {
        await this.helper.request("focusChat", { ...this.windowArgs(profile), name: chat.name });
        ({ view, profile } = await this.readReady());
        if (view?.chatName !== chat.name)
          return { ok: false, error: `could not open the chat "${chat.name}"` };
        this.tracker.observe(view.chatName, view.messages); // whatever was there is not new
      }
      const input = inputSelector(profile, chat.name);
      await this.helper.request("typeText", { ...this.windowArgs(profile), input, text });
      await this.helper.request("pressEnter");
      const left = String(await this.helper.request("readInput", { ...this.windowArgs(profile), input }));
      if (left.trim().length > 0)
        return { ok: false, error: "the text is still in the input box after Enter" };
      this.recentSends.push({ chat: chat.name, text: text.trim(), at: this.now() });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
  }

  /** One polling pass; public so tests (and `kefu-agent snapshot`) can drive it without timers. */
  async poll(): Promise<void> {
    const snapshot = await this.snapshot(this.current.profile);
    this.observeState(snapshot);
    const profile = this.current.profile;
    if (this.current.state !== "ready" || !profile || !snapshot.tree) return;
    const view = readChatView(snapshot.tree, profile);
    if (view) this.emit(view, this.tracker.observe(view.chatName, view.messages));
    for (const session of readSessions(snapshot.tree, profile)) {
      if (session.unread === 0 || session.name === view?.chatName) continue;
      await this.helper.request("focusChat", { ...this.windowArgs(profile), name: session.name });
      const opened = await this.snapshot(profile);
      const openedView = opened.tree ? readChatView(opened.tree, profile) : undefined;
      if (openedView?.chatName !== session.name) continue;
      this.emit(openedView, this.tracker.observe(openedView.chatName, openedView.messages, session.unread));
    }
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.context.uiLock
        .run(() => this.poll())
        .catch((err: Error) => this.context.log(`uia poll failed: ${err.message}`))
        .finally(() => this.schedule(this.config.pollIntervalMs));
    }, delay);
  }

  private async snapshot(profile?: TSelectorProfile): Promise<TSnapshot> {
    const profiles = profile ? [profile] : PROFILES;
    const raw = await this.helper.request("snapshot", {
      processNames: profiles.flatMap((p) => p.processNames),
      mainWindowClasses: profiles.flatMap((p) => p.mainWindowClasses),
      probeClass: profiles.some((p) => p.sideBy === "direction") ? WECHAT_TEXT.selfBubbleClassHint : null,
      maxNodes: 4000,
    });
    return ZSnapshot.parse(raw);
  }

  private observeState(snapshot: TSnapshot): void {
    const reading = readWechatState(snapshot, this.config.profile);
    if (reading.state !== this.current.state) {
      this.context.log(`wechat: ${reading.state}${reading.guidance ? ` — ${reading.guidance}` : ""}`);
    }
    this.current = reading;
  }

  private async readReady(): Promise<{ view: TChatView | undefined; profile: TSelectorProfile }> {
    const snapshot = await this.snapshot(this.current.profile);
    this.observeState(snapshot);
    const profile = this.current.profile;
    if (this.current.state !== "ready" || !profile || !snapshot.tree)
      throw new Error(`wechat is ${this.current.state}`);
    return { view: readChatView(snapshot.tree, profile), profile };
  }

  private windowArgs(profile: TSelectorProfile) {
    return { mainWindowClasses: profile.mainWindowClasses };
  }

  private emit(view: TChatView, fresh: TParsedMessage[]): void {
    const now = this.now();
    for (const message of fresh) {
      if (this.isEcho(view.chatName, message.text, now)) continue;
      const sentAt = (message.timeLabel && parseTimeLabel(message.timeLabel, new Date(now))) || new Date(now);
      const sender = message.sender ?? view.chatName;
      const inbound: TInboundWechatMessage = {
        chat: { id: view.chatName, name: view.chatName, type: view.type },
        sender: { id: sender, name: sender },
        text: message.text,
        atMe:
          view.type === "group" &&
          detectAtMe(message.text, [this.current.selfName, ...this.config.selfAliases]),
        sentAt: sentAt.toISOString(),
      };
      for (const cb of this.listeners) cb(inbound);
    }
  }

  /** 4.x may misjudge a bubble's side; never report our own recent reply back as a customer message. */
  private isEcho(chat: string, text: string, now: number): boolean {
    while (this.recentSends.length > 0 && this.recentSends[0].at < now - ECHO_WINDOW_MS)
      this.recentSends.shift();
    return this.recentSends.some((s) => s.chat === chat && s.text === text.trim());
  }
}

function inputSelector(profile: TSelectorProfile, chatName: string) {
  return profile.input.name === "$chat" ? { ...profile.input, name: chatName } : profile.input;
}
