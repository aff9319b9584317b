import type { TTranslate } from "../i18n";
import { h, icon } from "./dom";

export const MAX_MESSAGE_LENGTH = 4000;
const TYPING_IDLE_MS = 3000;

// The text box: Enter sends, Shift+Enter adds a line, and Enter that confirms an IME candidate (how
// Chinese is typed) does not send. Tells the agent while the customer types.
export class Composer {
  readonly el: HTMLFormElement;
  readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private typing = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    t: TTranslate,
    private readonly onSend: (text: string) => void,
    private readonly onTyping: (on: boolean) => void,
  ) {
    this.input = h("textarea", {
      rows: "1",
      "aria-label": t("inputLabel"),
      placeholder: t("placeholder"),
      maxlength: String(MAX_MESSAGE_LENGTH),
      enterkeyhint: "send",
    });
    this.sendButton = h("button", {
      type: "submit",
      class: "kf-send",
      "aria-label": t("send"),
      disabled: true,
    });
    this.sendButton.append(icon("send"));
    this.el = h("form", { class: "kf-composer" }, this.input, this.sendButton);

    this.el.onsubmit = (e) => {
      e.preventDefault();
      this.submit();
    };
    this.input.onkeydown = (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        this.submit();
      }
    };
    this.input.oninput = () => {
      this.fit();
      this.noteTyping();
    };
  }

  focus(): void {
    this.input.focus({ preventScroll: true });
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = "";
    this.fit();
    this.stopTyping();
    this.onSend(text);
  }

  private fit(): void {
    this.sendButton.disabled = !this.input.value.trim();
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
  }

  private noteTyping(): void {
    clearTimeout(this.idleTimer);
    if (!this.input.value) return this.stopTyping();
    if (!this.typing) {
      this.typing = true;
      this.onTyping(true);
    }
    this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.idleTimer);
    if (!this.typing) return;
    this.typing = false;
    this.onTyping(false);
  }
}
