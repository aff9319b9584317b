import { estimateTokens } from "../../knowledge/documents/tokens";
import { DIALOGUE_ROLES, type TContextMessage, type TConversationType } from "./context-types";
import { detectTopicSwitch, type TTopicSwitch } from "./topic-switch";

// The dialogue the model sees with a new message: the last 1 / 5 / 3 turns for chat / consult /
// business (a turn is a customer message — consecutive ones count as one — and the replies after
// it), nothing older than 30 minutes, at most 20 messages and about 2000 tokens, and nothing from
// before the latest topic switch. Tokens use the knowledge base's estimate (one per CJK character,
// one per Latin word), the same one the chunker budgets with.

export const WINDOW_TURNS: Record<TConversationType, number> = { CHAT: 1, CONSULT: 5, BUSINESS: 3 };
export const WINDOW_LIMITS = { maxAgeMs: 30 * 60_000, maxMessages: 20, maxTokens: 2000 };

export type TContextWindow = {
  /** Oldest first, ready for the prompt. */
  messages: TContextMessage[];
  turns: number;
  tokens: number;
  /** The switch that cut the window, if one did (on the current message or a kept turn). */
  topicSwitch: TTopicSwitch | null;
  /** Dialogue messages of the last 30 minutes that were left out. */
  dropped: number;
};

export type TWindowOptions = {
  now: Date;
  /** The new customer message; when it switches topic, no earlier turn is kept. */
  current?: string;
  limits?: Partial<typeof WINDOW_LIMITS>;
  turns?: Partial<Record<TConversationType, number>>;
};

type TTurn = TContextMessage[];

function groupTurns(messages: readonly TContextMessage[]): TTurn[] {
  const turns: TTurn[] = [];
  messages.forEach((m, i) => {
    const startsTurn = m.role === "CUSTOMER" && (i === 0 || messages[i - 1].role !== "CUSTOMER");
    if (startsTurn || turns.length === 0) turns.push([]);
    turns[turns.length - 1].push(m);
  });
  return turns;
}

const userText = (turn: TTurn) =>
  turn
    .filter((m) => m.role === "CUSTOMER")
    .map((m) => m.content)
    .join("\n");

/** Keeps the end of a text within a token budget. */
function keepTail(text: string, budget: number): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (estimateTokens(text.slice(mid)) + 1 <= budget) hi = mid;
    else lo = mid + 1;
  }
  return lo === 0 ? text : `…${text.slice(lo)}`;
}

export function buildContextWindow(
  history: readonly TContextMessage[],
  currentType: TConversationType,
  options: TWindowOptions,
): TContextWindow {
  const limits = { ...WINDOW_LIMITS, ...options.limits };
  const since = options.now.getTime() - limits.maxAgeMs;
  const recent = history
    .filter((m) => DIALOGUE_ROLES.has(m.role) && m.content.trim() && m.createdAt.getTime() >= since)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.createdAt.getTime() - b.m.createdAt.getTime() || a.i - b.i)
    .map(({ m }) => m);
  const empty = (topicSwitch: TTopicSwitch | null): TContextWindow => ({
    messages: [],
    turns: 0,
    tokens: 0,
    topicSwitch,
    dropped: recent.length,
  });

  const userTexts = recent.filter((m) => m.role === "CUSTOMER").map((m) => m.content);
  if (options.current !== undefined) {
    const sw = detectTopicSwitch(options.current, userTexts);
    if (sw.switched) return empty(sw);
  }

  const all = groupTurns(recent);
  const max = options.turns?.[currentType] ?? WINDOW_TURNS[currentType];
  let kept = all.slice(-max);
  let topicSwitch: TTopicSwitch | null = null;
  for (let t = kept.length - 1; t >= 1; t--) {
    const index = all.length - kept.length + t;
    const text = userText(kept[t]);
    if (!text) continue;
    const earlier = all.slice(0, index).map(userText).filter(Boolean);
    const sw = detectTopicSwitch(text, earlier);
    if (sw.switched) {
      topicSwitch = sw;
      kept = kept.slice(t);
      break;
    }
  }

  let messages = kept.flat().slice(-limits.maxMessages);
  let tokens = messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);
  while (messages.length > 1 && tokens > limits.maxTokens) {
    tokens -= estimateTokens(messages[0].content);
    messages = messages.slice(1);
  }
  if (messages.length === 1 && tokens > limits.maxTokens) {
    messages = [{ ...messages[0], content: keepTail(messages[0].content, limits.maxTokens) }];
    tokens = estimateTokens(messages[0].content);
  }
  const turns = groupTurns(messages).length;
  return { messages, turns, tokens, topicSwitch, dropped: recent.length - messages.length };
}
