import type { TTranslate } from "../i18n";
import { CSS } from "../styles";
import type { TLocale, TWidgetConfig } from "../types";
import { Composer } from "./composer";
import { h, icon, textColorOn } from "./dom";
import { MessageList } from "./message-list";

// The widget's DOM, inside a Shadow DOM on a <kefu-widget> host (a custom element name, so no page
// selector for div/section/button matches it). The panel is built at load time and only shown on
// click, so opening it paints at once.

export type TViewHandlers = {
  onOpenChange: (open: boolean) => void;
  onSend: (text: string) => void;
  onTyping: (on: boolean) => void;
  onHandoff: () => void;
  onRetry: (clientId: string) => void;
};

export class WidgetView {
  readonly host = document.createElement("kefu-widget");
  readonly list: MessageList;
  readonly composer: Composer;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement | null = null;
  private readonly badge = h("span", { class: "kf-badge", hidden: true, "aria-hidden": "true" });
  private readonly panel: HTMLElement;
  private readonly subtitle = h("p", { class: "kf-subtitle" });
  private readonly banner = h("div", { class: "kf-banner", role: "status", hidden: true });
  private readonly handoffRow: HTMLElement;

  constructor(
    private readonly config: TWidgetConfig,
    locale: TLocale,
    readonly inline: boolean,
    private readonly t: TTranslate,
    private readonly handlers: TViewHandlers,
  ) {
    const s = config.settings;
    const title = s.title[locale] || config.tenant.name;
    this.list = new MessageList(t, handlers.onRetry);
    this.list.setWelcome(s.welcome[locale]);
    this.composer = new Composer(t, handlers.onSend, handlers.onTyping);

    const close = h("button", { type: "button", class: "kf-close", "aria-label": t("closeChat") });
    close.append(icon("close"));
    close.onclick = () => handlers.onOpenChange(false);
    const header = h(
      "header",
      { class: "kf-header" },
      h(
        "div",
        { class: "kf-avatar", "aria-hidden": "true" },
        Array.from(config.tenant.name || title)[0] ?? "?",
      ),
      h("div", { class: "kf-heading" }, h("h2", { class: "kf-title" }, title), this.subtitle),
      close,
    );
    const handoff = h("button", { type: "button", class: "kf-handoff" }, t("handoff"));
    handoff.onclick = handlers.onHandoff;
    this.handoffRow = h("div", { class: "kf-actions", hidden: true }, handoff);
    this.panel = h(
      "section",
      {
        class: "kf-panel",
        id: "kf-panel",
        role: inline ? "region" : "dialog",
        "aria-label": title,
        hidden: true,
      },
      header,
      this.banner,
      this.list.el,
      this.handoffRow,
      this.composer.el,
    );
    this.panel.onkeydown = (e) => {
      if (e.key === "Escape" && !inline) handlers.onOpenChange(false);
    };
    this.setSubtitle(null);

    this.root = h("div", {
      class: "kf",
      "data-theme": s.theme,
      "data-position": s.position,
      "data-mode": inline ? "inline" : "bubble",
      lang: locale,
      dir: "ltr",
    });
    // custom properties on our own element: the page's `*` rules cannot override them
    this.root.style.setProperty("--kf-accent", s.color);
    this.root.style.setProperty("--kf-on-accent", textColorOn(s.color));
    if (!inline) {
      this.launcher = h("button", {
        type: "button",
        class: "kf-launcher",
        "aria-label": t("openChat"),
        "aria-expanded": "false",
        "aria-controls": "kf-panel",
      });
      this.launcher.append(icon("chat"), icon("close"), this.badge);
      this.launcher.onclick = () => handlers.onOpenChange(this.panel.hidden);
      this.root.append(this.launcher);
    }
    this.root.append(this.panel);
    if (inline) this.host.setAttribute("data-mode", "inline");
  }

  mount(): void {
    const shadow = this.host.attachShadow({ mode: "open" });
    // a constructed stylesheet also works under a strict page CSP that forbids inline <style>
    if ("adoptedStyleSheets" in shadow && typeof CSSStyleSheet.prototype.replaceSync === "function") {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.append(h("style", {}, CSS));
    }
    shadow.append(this.root);
    document.body.append(this.host);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  setOpen(open: boolean, focus: boolean): void {
    this.panel.hidden = !open;
    this.root.toggleAttribute("data-open", open);
    this.launcher?.setAttribute("aria-expanded", String(open));
    this.launcher?.setAttribute("aria-label", this.t(open ? "closeChat" : "openChat"));
    if (open) {
      this.setUnread(0);
      this.list.el.scrollTop = this.list.el.scrollHeight;
      // no focus on touch screens: it would pop the keyboard over the conversation
      if (focus && !matchMedia("(pointer: coarse)").matches) this.composer.focus();
    } else if (focus && document.activeElement === this.host) {
      // focus was in the panel: give it back to the launcher, never take it from the page
      this.launcher?.focus();
    }
  }

  setUnread(n: number): void {
    this.badge.hidden = n === 0;
    this.badge.textContent = n > 9 ? "9+" : String(n);
    if (this.launcher && !this.isOpen)
      this.launcher.setAttribute(
        "aria-label",
        n ? `${this.t("openChat")} · ${this.t("unread", { n })}` : this.t("openChat"),
      );
  }

  /** The header's second line: the agent who serves the customer, or the usual reply time. */
  setSubtitle(agentName: string | null): void {
    this.subtitle.textContent = agentName ? this.t("withAgent", { name: agentName }) : this.t("online");
  }

  setBanner(text: string | null): void {
    this.banner.textContent = text ?? "";
    this.banner.hidden = !text;
  }

  setHandoffVisible(visible: boolean): void {
    this.handoffRow.hidden = !(visible && this.config.settings.handoffButton);
  }
}
