import type { TTranslate } from "../i18n";
import type { TViewMessage } from "../types";
import { h } from "./dom";

// The conversation: the welcome text, the messages (keyed, so a re-render only touches what
// changed), typing dots and a slot for the satisfaction prompt. A live region announces new lines.

type TRow = { el: HTMLElement; name: HTMLElement | null; meta: HTMLElement | null; state: string };

// a link ends at whitespace, quotes, ) or Chinese ）】，。 (escaped, so the bundle stays ASCII)
const URL_RE = /https?:\/\/[^\s<>"'\uff09)\u3011\uff0c\u3002]+/g;

/** Text with its web links made clickable; built from text nodes and anchors, never from markup. */
function linkified(text: string): DocumentFragment {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    out.append(text.slice(last, at));
    out.append(h("a", { href: m[0], target: "_blank", rel: "noopener noreferrer nofollow" }, m[0]));
    last = at + m[0].length;
  }
  out.append(text.slice(last));
  return out;
}

export class MessageList {
  readonly el = h("div", { class: "kf-log", role: "log", "aria-live": "polite", tabindex: "0" });
  private readonly welcome = h("div", { class: "kf-bubble" });
  private readonly status = h("div", { class: "kf-note", hidden: true });
  private readonly typing = h("div", { class: "kf-typing", hidden: true, role: "status" });
  private readonly tail = h("div", { hidden: true });
  private readonly rows = new Map<string, TRow>();

  constructor(
    private readonly t: TTranslate,
    private readonly onRetry: (clientId: string) => void,
  ) {
    this.typing.append(h("span"), h("span"), h("span"), h("span", { class: "kf-sr" }, t("typing")));
    this.el.append(h("div", { class: "kf-msg" }, this.welcome), this.status, this.typing, this.tail);
  }

  setWelcome(text: string): void {
    this.welcome.textContent = text;
  }

  setStatus(text: string | null): void {
    this.status.textContent = text ?? "";
    this.status.hidden = !text;
  }

  setTyping(on: boolean): void {
    if (this.typing.hidden === !on) return;
    this.keepAtEnd(() => (this.typing.hidden = !on));
  }

  /** The satisfaction prompt (or its thank-you line) at the end of the conversation. */
  setTail(node: HTMLElement | null): void {
    this.keepAtEnd(() => {
      this.tail.replaceChildren(...(node ? [node] : []));
      this.tail.hidden = !node;
    });
  }

  render(messages: readonly TViewMessage[], forceScroll = false): void {
    this.keepAtEnd(() => {
      const keep = new Set<string>();
      let anchor: Element = this.status;
      let previous: TViewMessage | null = null;
      for (const m of messages) {
        const key = m.clientId ?? m.id;
        keep.add(key);
        let row = this.rows.get(key);
        if (!row) this.rows.set(key, (row = this.build(m)));
        this.update(row, m, previous);
        if (anchor.nextElementSibling !== row.el) anchor.after(row.el);
        anchor = row.el;
        previous = m;
      }
      for (const [key, row] of this.rows) {
        if (keep.has(key)) continue;
        row.el.remove();
        this.rows.delete(key);
      }
    }, forceScroll);
  }

  private build(m: TViewMessage): TRow {
    if (m.role === "SYSTEM")
      return { el: h("div", { class: "kf-system" }, m.content), name: null, meta: null, state: "" };
    const mine = m.role === "CUSTOMER";
    const name = mine ? null : h("div", { class: "kf-name" });
    const meta = mine ? h("div", { class: "kf-meta", hidden: true }) : null;
    const el = h("div", { class: mine ? "kf-msg kf-me" : "kf-msg" }, name, h("div", { class: "kf-bubble" }));
    el.lastElementChild!.append(linkified(m.content));
    if (meta) el.append(meta);
    return { el, name, meta, state: "" };
  }

  private update(row: TRow, m: TViewMessage, previous: TViewMessage | null): void {
    if (row.name) {
      const label = m.senderName ?? (m.role === "AGENT" ? this.t("agent") : this.t("bot"));
      row.name.textContent = label;
      // a run of lines from the same sender shows the name once
      row.name.hidden = previous?.role === m.role && previous.senderName === m.senderName;
    }
    if (!row.meta || row.state === m.state) return;
    row.state = m.state;
    row.el.dataset.state = m.state;
    row.meta.hidden = m.state === "sent";
    if (m.state === "sending") row.meta.replaceChildren(this.t("sending"));
    if (m.state === "failed") {
      const retry = h("button", { type: "button", class: "kf-retry" }, this.t("retry"));
      retry.onclick = () => this.onRetry(m.clientId ?? m.id);
      row.meta.replaceChildren(this.t("failed"), retry);
    }
  }

  // Follows the conversation while the reader is at its end; someone scrolled up to read stays put.
  private keepAtEnd(change: () => void, force = false): void {
    const el = this.el;
    const atEnd = force || el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    change();
    if (atEnd) el.scrollTop = el.scrollHeight;
  }
}
