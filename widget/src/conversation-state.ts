import type { Emitter } from "./emitter";
import type { TTranslate } from "./i18n";
import type { TConversation } from "./types";
import { ratingPrompt } from "./ui/rating";
import type { WidgetView } from "./ui/view";

const TYPING_TIMEOUT_MS = 8000;
const FLASH_MS = 4000;

/**
 * What the conversation's state shows around the messages: who serves the customer (header), a
 * banner (reconnecting, waiting for a human, ticket, closed), the handoff button, the satisfaction
 * prompt and typing dots; and the `status` / `human_joined` events of window.Kefu.
 */
export class ConversationState {
  conversation: TConversation | null = null;
  private reconnecting = false;
  private flashText: string | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private ratingFor: string | null = null;

  constructor(
    private readonly view: WidgetView,
    private readonly t: TTranslate,
    private readonly events: Emitter,
    private readonly rate: (score: number, comment: string) => Promise<boolean>,
  ) {}

  apply(next: TConversation | null): void {
    const prev = this.conversation;
    this.conversation = next;
    if (next && (prev?.id !== next.id || prev.status !== next.status))
      this.events.emit("status", { status: next.status, conversationId: next.id });
    // a transition we saw happen, not the state found on a page load
    // (or a transfer to another agent; an unknown name becoming known is not a new agent)
    const joined =
      prev &&
      next?.status === "HUMAN" &&
      (prev.id !== next.id ||
        prev.status !== "HUMAN" ||
        (!!prev.agentName && !!next.agentName && prev.agentName !== next.agentName));
    if (joined) this.events.emit("human_joined", { agentName: next.agentName, conversationId: next.id });

    this.view.setSubtitle(next?.status === "HUMAN" ? (next.agentName ?? this.t("agent")) : null);
    // without a conversation the handoff starts one that already waits for a human
    this.view.setHandoffVisible(!next || next.status === "BOT");
    this.showRating(next);
    this.refreshBanner();
  }

  typing(on: boolean): void {
    clearTimeout(this.typingTimer);
    this.view.list.setTyping(on);
    // a lost "stopped typing" must not leave the dots forever
    if (on) this.typingTimer = setTimeout(() => this.view.list.setTyping(false), TYPING_TIMEOUT_MS);
  }

  setReconnecting(on: boolean): void {
    this.reconnecting = on;
    this.refreshBanner();
  }

  /** A short notice (e.g. "too many messages") that goes away by itself. */
  flash(text: string): void {
    clearTimeout(this.flashTimer);
    this.flashText = text;
    this.refreshBanner();
    this.flashTimer = setTimeout(() => {
      this.flashText = null;
      this.refreshBanner();
    }, FLASH_MS);
  }

  private showRating(next: TConversation | null): void {
    if (next?.status === "CLOSED" && next.satisfactionRequested) {
      if (this.ratingFor === next.id) return;
      this.ratingFor = next.id;
      this.view.list.setTail(ratingPrompt(this.t, this.rate));
    } else if (this.ratingFor && next?.id !== this.ratingFor) {
      // a new conversation began: the old prompt (or its thank-you line) goes
      this.ratingFor = null;
      this.view.list.setTail(null);
    }
  }

  private refreshBanner(): void {
    const status = this.conversation?.status;
    const byStatus =
      status === "PENDING_HUMAN"
        ? this.t("waitingHuman")
        : status === "TICKET"
          ? this.t("ticket")
          : status === "CLOSED" && this.ratingFor !== this.conversation?.id
            ? this.t("closed")
            : null;
    this.view.setBanner(this.reconnecting ? this.t("reconnecting") : (this.flashText ?? byStatus));
  }
}
