import type { TParsedMessage } from "./message-list";

const KEEP_PER_CHAT = 200;

/**
 * Decides which friend messages in a chat are new, from the UIA RuntimeIds seen before (valid only
 * while WeChat keeps the list rendered). A chat seen for the first time is a baseline (no replay of
 * history) unless the session list said it had unread messages; then the items after WeChat's
 * 「以下为新消息」 marker, or else the last N friend messages, are new. When no RuntimeId overlaps any
 * more (WeChat re-rendered the list) the chat is re-baselined rather than replayed: replying to old
 * history is worse than missing a message during a re-render, and the fingerprint window backs this up.
 */
export class NewMessageTracker {
  private readonly seen = new Map<string, string[]>();

  observe(chatKey: string, messages: TParsedMessage[], unread = 0): TParsedMessage[] {
    const known = new Set(this.seen.get(chatKey) ?? []);
    const overlap = messages.some((m) => known.has(m.runtimeId));
    let fresh: TParsedMessage[];
    if (known.size > 0 && overlap) {
      const lastKnown = findLastIndex(messages, (m) => known.has(m.runtimeId));
      fresh = messages.slice(lastKnown + 1).filter((m) => !known.has(m.runtimeId));
    } else if (unread > 0) {
      fresh = unreadTail(messages, unread);
    } else {
      fresh = [];
    }
    this.seen.set(chatKey, [...known, ...messages.map((m) => m.runtimeId)].slice(-KEEP_PER_CHAT));
    return fresh.filter((m) => m.kind === "friend");
  }

  /** Records items (e.g. our own just-sent message) so they are never reported. */
  remember(chatKey: string, messages: TParsedMessage[]): void {
    const known = this.seen.get(chatKey) ?? [];
    this.seen.set(chatKey, [...known, ...messages.map((m) => m.runtimeId)].slice(-KEEP_PER_CHAT));
  }

  forget(): void {
    this.seen.clear();
  }
}

function unreadTail(messages: TParsedMessage[], unread: number): TParsedMessage[] {
  const marker = findLastIndex(messages, (m) => m.kind === "marker");
  if (marker >= 0) return messages.slice(marker + 1);
  const friendIndexes = messages.flatMap((m, i) => (m.kind === "friend" ? [i] : []));
  const start = friendIndexes[Math.max(0, friendIndexes.length - unread)];
  return start === undefined ? [] : messages.slice(start);
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}
