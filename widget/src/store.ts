import type { TIdentity } from "./api";
import type { TViewMessage, TWidgetMessage } from "./types";
import { readStorage, writeStorage } from "./util";

// What the widget remembers. The visitor's identity lives in localStorage (`kefu:<slug>:visitor`) so
// a returning visitor resumes the same conversation on any page of the shop; whether the panel was
// open lives in sessionStorage, so it survives a reload but not a new tab.

type TSaved = TIdentity & { active?: boolean };

export class VisitorStore {
  private readonly key: string;
  private readonly openKey: string;

  constructor(slug: string) {
    this.key = `kefu:${slug}:visitor`;
    this.openKey = `kefu:${slug}:open`;
  }

  load(): TSaved | null {
    try {
      const saved = JSON.parse(readStorage("localStorage", this.key) ?? "null") as TSaved | null;
      return saved && typeof saved.visitorId === "string" && typeof saved.token === "string" ? saved : null;
    } catch {
      return null;
    }
  }

  /** `active`: the visitor has a conversation that is not closed, so the next page connects at once. */
  save(identity: TIdentity, active: boolean): void {
    const saved: TSaved = { visitorId: identity.visitorId, token: identity.token, active };
    writeStorage("localStorage", this.key, JSON.stringify(saved));
  }

  clear(): void {
    writeStorage("localStorage", this.key, null);
  }

  get wasOpen(): boolean {
    return readStorage("sessionStorage", this.openKey) === "1";
  }

  set wasOpen(open: boolean) {
    writeStorage("sessionStorage", this.openKey, open ? "1" : null);
  }
}

/** The conversation's messages, each once: stored ones by id, the customer's own by clientId. */
export class MessageStore {
  private items: TViewMessage[] = [];

  get all(): readonly TViewMessage[] {
    return this.items;
  }

  has(id: string): boolean {
    return this.items.some((m) => m.id === id);
  }

  /**
   * Adds a stored message unless it is already here. The customer's own message can come back over
   * the socket before POST /messages has answered with its id: then it confirms the pending bubble
   * with the same text instead of showing a second one. Returns the message if it is new.
   */
  add(message: TWidgetMessage): TViewMessage | null {
    if (this.has(message.id)) return null;
    if (message.role === "CUSTOMER") {
      const pending = this.items.find((m) => m.state === "sending" && m.content === message.content);
      if (pending) {
        Object.assign(pending, { id: message.id, createdAt: message.createdAt, state: "sent" });
        return null;
      }
    }
    const view: TViewMessage = { ...message, state: "sent" };
    this.items.push(view);
    return view;
  }

  addPending(text: string, clientId: string): TViewMessage {
    const view: TViewMessage = {
      id: clientId,
      clientId,
      role: "CUSTOMER",
      content: text,
      createdAt: new Date().toISOString(),
      senderName: null,
      state: "sending",
    };
    this.items.push(view);
    return view;
  }

  pending(clientId: string): TViewMessage | undefined {
    return this.items.find((m) => m.clientId === clientId);
  }

  /** The server stored the customer's message under `id`; false when the socket confirmed it first. */
  confirm(clientId: string, id: string): boolean {
    const view = this.pending(clientId);
    if (!view || view.state === "sent") return false;
    Object.assign(view, { id, state: "sent" });
    return true;
  }

  setState(clientId: string, state: TViewMessage["state"]): void {
    const view = this.pending(clientId);
    if (view) view.state = state;
  }

  /**
   * Replaces the history with the server's (a reload or a catch-up after reconnecting) and keeps the
   * customer's own messages that are still on their way or failed. Returns the messages that are new.
   */
  replace(messages: TWidgetMessage[]): TViewMessage[] {
    // rows already shown stay the same objects (their keys, and so their DOM nodes, do not change)
    const known = new Map(this.items.filter((m) => m.state === "sent").map((m) => [m.id, m]));
    let local = this.items.filter((m) => m.state !== "sent");
    this.items = [];
    const fresh: TViewMessage[] = [];
    for (const m of messages) {
      if (this.has(m.id)) continue;
      const shown = known.get(m.id);
      if (shown) {
        this.items.push(shown);
        continue;
      }
      const twin =
        m.role === "CUSTOMER"
          ? local.find((p) => p.state === "sending" && p.content === m.content)
          : undefined;
      if (twin) {
        Object.assign(twin, { id: m.id, createdAt: m.createdAt, state: "sent" });
        local = local.filter((p) => p !== twin);
        this.items.push(twin);
        continue;
      }
      const view: TViewMessage = { ...m, state: "sent" };
      this.items.push(view);
      fresh.push(view);
    }
    this.items.push(...local);
    return fresh;
  }
}
