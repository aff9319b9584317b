import { ApiError, WidgetApi } from "./api";
import { Emitter } from "./emitter";
import { pickLocale, translator, type TTranslate } from "./i18n";
import { LiveConnection } from "./live";
import { MessageStore, VisitorStore } from "./store";
import type {
  TConversation,
  TLiveEvent,
  TLocale,
  TSession,
  TUser,
  TViewMessage,
  TWidgetMessage,
} from "./types";
import { MAX_MESSAGE_LENGTH } from "./ui/composer";
import { WidgetView } from "./ui/view";
import { uuid, warn } from "./util";
import { ConversationState } from "./conversation-state";

export type TWidgetOptions = { origin: string; tenant: string; inline: boolean; locale?: string };

// The widget's behaviour: configuration → view; the session (history and identity) is fetched on the
// first open — or at once for a visitor in the middle of a conversation, so agent replies arrive live
// and raise the unread badge; messages are sent optimistically; live events merge in by id.

export class Widget {
  readonly events = new Emitter();
  private readonly api: WidgetApi;
  private readonly visitor: VisitorStore;
  private readonly messages = new MessageStore();
  private readonly live: LiveConnection;
  private view: WidgetView | null = null;
  private state: ConversationState | null = null;
  private t: TTranslate = translator("zh-CN");
  private locale: TLocale = "zh-CN";
  private session: Promise<boolean> | null = null;
  private waiting: (() => void)[] = [];
  private pendingUser: TUser | null = null;
  private announced = new Set<string>();
  private unread = 0;
  private downTimer: ReturnType<typeof setTimeout> | undefined;
  private retriedAuth = false;

  constructor(private readonly opts: TWidgetOptions) {
    this.api = new WidgetApi(opts.origin, opts.tenant);
    this.visitor = new VisitorStore(opts.tenant);
    this.live = new LiveConnection(() => this.liveUrl(), {
      onEvent: (e) => this.onLive(e),
      onUp: (again) => {
        clearTimeout(this.downTimer);
        this.downTimer = undefined;
        this.state?.setReconnecting(false);
        if (again) void this.catchUp();
      },
      // a blip shorter than two seconds is not worth a banner (every failed retry reports down again)
      onDown: () => {
        this.downTimer ??= setTimeout(() => this.state?.setReconnecting(true), 2000);
      },
      onUnauthorized: () => this.restartVisitor(),
    });
  }

  async start(): Promise<void> {
    let config;
    try {
      config = await this.api.config();
    } catch (e) {
      // a refused origin gets its 403 without CORS headers, so the browser reports a network error
      const why =
        e instanceof ApiError && e.status !== 0
          ? e.code
          : `the server is unreachable, or ${location.origin} is not in the widget's allowed origins`;
      return warn(`chat not loaded for tenant "${this.opts.tenant}": ${why}`);
    }
    if (!config.settings.enabled) return;
    this.locale = pickLocale(this.opts.locale, config.language, navigator.language);
    this.t = translator(this.locale);
    await bodyReady();
    const view = new WidgetView(config, this.locale, this.opts.inline, this.t, {
      onOpenChange: (open) => (open ? this.open(true) : this.close(true)),
      onSend: (text) => void this.send(text),
      onTyping: (on) => this.state?.conversation && this.live.typing(on),
      onHandoff: () => void this.handoff(),
      onRetry: (clientId) => void this.deliver(clientId),
    });
    view.mount();
    this.view = view;
    this.state = new ConversationState(view, this.t, this.events, (score, comment) =>
      this.rate(score, comment),
    );
    this.events.emit("ready", { tenant: this.opts.tenant });
    const saved = this.visitor.load();
    const openNow = this.opts.inline || this.visitor.wasOpen;
    for (const run of this.waiting.splice(0)) run();
    if (openNow) this.open(false);
    else if (saved?.active) void this.ensureSession();
  }

  /** Runs `fn` once the widget is on the page (calls made through window.Kefu before that wait). */
  whenReady(fn: () => void): void {
    if (this.view) fn();
    else this.waiting.push(fn);
  }

  open(byUser: boolean): void {
    const view = this.view;
    if (!view || view.isOpen) return;
    view.setOpen(true, byUser);
    this.unread = 0;
    this.visitor.wasOpen = true;
    this.events.emit("open", undefined);
    void this.ensureSession();
  }

  close(byUser: boolean): void {
    const view = this.view;
    if (!view || !view.isOpen || view.inline) return;
    view.setOpen(false, byUser);
    this.visitor.wasOpen = false;
    this.events.emit("close", undefined);
  }

  async send(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text) return;
    if (text.length > MAX_MESSAGE_LENGTH) return warn(this.t("tooLong", { n: MAX_MESSAGE_LENGTH }));
    const clientId = uuid();
    this.messages.addPending(text, clientId);
    this.view?.list.render(this.messages.all, true);
    await this.deliver(clientId);
  }

  async deliver(clientId: string): Promise<void> {
    const pending = this.messages.pending(clientId);
    if (!pending || pending.state === "sent") return;
    this.messages.setState(clientId, "sending");
    this.render();
    const state = this.state;
    // the bot answers within the request: show it "typing" meanwhile
    const botTurn = !state?.conversation || ["BOT", "CLOSED"].includes(state.conversation.status);
    if (botTurn) this.view?.list.setTyping(true);
    try {
      if (!(await this.ensureSession())) throw new ApiError(0, "NO_SESSION", "no session");
      const result = await this.api.sendMessage(pending.content, clientId, this.locale);
      this.messages.confirm(clientId, result.messageId);
      this.announce({ ...pending, id: result.messageId });
      if (result.reply) this.addMessage(result.reply);
      const current = state?.conversation;
      this.applyConversation({
        id: result.conversationId,
        status: result.status,
        satisfactionRequested: false,
        agentName: current?.id === result.conversationId ? current.agentName : null,
      });
      if (this.pendingUser) void this.setUser(this.pendingUser);
    } catch (e) {
      this.messages.setState(clientId, "failed");
      if (e instanceof ApiError && e.status === 401) this.restartVisitor();
      if (e instanceof ApiError && e.status === 429) this.state?.flash(this.t("rateLimited"));
      warn("message not sent:", e instanceof Error ? e.message : e);
    } finally {
      if (botTurn) this.view?.list.setTyping(false);
      this.render();
    }
  }

  async setUser(user: TUser): Promise<void> {
    if (!user || typeof user !== "object") return warn("setUser expects {id, name, email, phone}");
    const clean: TUser = {};
    for (const key of ["id", "name", "email", "phone"] as const)
      if (user[key] !== undefined && user[key] !== null) clean[key] = String(user[key]);
    this.pendingUser = clean;
    if (!(await this.ensureSession())) return;
    try {
      await this.api.setUser(clean);
      this.pendingUser = null;
    } catch (e) {
      // a refused value (400) stays refused; anything else is sent again after the next message
      if (e instanceof ApiError && e.status === 400) this.pendingUser = null;
      warn("setUser:", e instanceof Error ? e.message : e);
    }
  }

  private async handoff(): Promise<void> {
    try {
      if (!(await this.ensureSession())) return;
      const { status, conversationId } = await this.api.handoff();
      const current = this.state?.conversation;
      const id = conversationId ?? current?.id;
      if (id)
        this.applyConversation({
          id,
          status,
          satisfactionRequested: false,
          agentName: current?.id === id ? current.agentName : null,
        });
      await this.catchUp(); // the system line the server stored
    } catch (e) {
      warn("handoff:", e instanceof Error ? e.message : e);
      this.state?.flash(this.t("handoffFailed"));
    }
  }

  private async rate(score: number, comment: string): Promise<boolean> {
    const conversation = this.state?.conversation;
    if (!conversation) return false;
    try {
      await this.api.rate(conversation.id, score, comment || undefined);
      return true;
    } catch (e) {
      // already rated (another tab): nothing left to ask
      if (e instanceof ApiError && e.status === 409) return true;
      warn("rating:", e instanceof Error ? e.message : e);
      return false;
    }
  }

  private ensureSession(): Promise<boolean> {
    this.session ??= this.loadSession().then((ok) => {
      if (!ok) this.session = null;
      return ok;
    });
    return this.session;
  }

  private async loadSession(): Promise<boolean> {
    const list = this.view?.list;
    if (!this.messages.all.length) list?.setStatus(this.t("loading"));
    try {
      this.applySession(await this.api.session(this.visitor.load(), this.locale), false);
      list?.setStatus(null);
      this.live.start();
      return true;
    } catch (e) {
      warn("session:", e instanceof Error ? e.message : e);
      list?.setStatus(this.t("loadFailed"));
      return false;
    }
  }

  /** After a reconnect or a handoff: the server's history, with what is new announced. */
  private async catchUp(): Promise<void> {
    try {
      this.applySession(await this.api.session(this.visitor.load(), this.locale), true);
    } catch (e) {
      warn("catch-up:", e instanceof Error ? e.message : e);
    }
  }

  private applySession(session: TSession, announce: boolean): void {
    this.api.identity = { visitorId: session.visitorId, token: session.token };
    const fresh = this.messages.replace(session.messages);
    if (announce) for (const m of fresh) this.announce(m);
    else for (const m of this.messages.all) this.announced.add(m.id); // history is not news
    this.applyConversation(session.conversation);
    this.render();
  }

  private applyConversation(conversation: TConversation | null): void {
    const identity = this.api.identity;
    if (identity) this.visitor.save(identity, !!conversation && conversation.status !== "CLOSED");
    if (conversation) this.live.watch(conversation.id);
    this.state?.apply(conversation);
  }

  private onLive(event: TLiveEvent): void {
    const state = this.state;
    if (event.type === "message" && event.message.role !== "NOTE") {
      const { id, role, content, createdAt, senderName } = event.message;
      this.addMessage({ id, role, content, createdAt, senderName });
      if (role !== "CUSTOMER") state?.typing(false);
    } else if (event.type === "typing" && event.from !== "customer") {
      state?.typing(event.on);
    } else if (event.type === "conversation" && state) {
      const current = state.conversation;
      // an event about an older, closed conversation must not replace the open one
      if (current && current.id !== event.conversationId && event.status === "CLOSED") return;
      this.applyConversation({
        id: event.conversationId,
        status: event.status,
        satisfactionRequested: event.satisfactionRequested ?? false,
        agentName: event.agentName ?? (current?.id === event.conversationId ? current.agentName : null),
      });
    }
  }

  private addMessage(message: TWidgetMessage): void {
    const added = this.messages.add(message);
    if (added) this.announce(added);
    this.render();
  }

  private announce(m: TViewMessage | TWidgetMessage): void {
    if (this.announced.has(m.id)) return;
    this.announced.add(m.id);
    const { id, role, content, createdAt, senderName } = m;
    this.events.emit("message", { id, role, content, createdAt, senderName });
    if (role !== "CUSTOMER" && this.view && !this.view.isOpen) this.view.setUnread(++this.unread);
  }

  private render(): void {
    this.view?.list.render(this.messages.all);
  }

  // The server refused the visitor's token (e.g. the secret was rotated): start as a new visitor,
  // once per page so a misconfigured server cannot make us loop.
  private restartVisitor(): void {
    this.live.stop();
    this.visitor.clear();
    this.api.identity = null;
    this.session = null;
    if (this.retriedAuth) return;
    this.retriedAuth = true;
    if (this.view?.isOpen) void this.ensureSession();
  }

  private liveUrl(): string {
    const id = this.api.identity;
    const q = new URLSearchParams({
      tenant: this.opts.tenant,
      visitor: id?.visitorId ?? "",
      token: id?.token ?? "",
    });
    return `${this.opts.origin.replace(/^http/, "ws")}/widget/ws?${q}`;
  }
}

function bodyReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener("DOMContentLoaded", () => resolve(), { once: true }),
  );
}
