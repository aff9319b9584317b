import { emit } from "../../../inngest/emit";
import { logger } from "../../logging";
import { countMessage, observePipeline } from "../../metrics";
import { publishLive, toLiveMessage } from "../../realtime/live-events";
import { Semaphore } from "../../semaphore";
import type { TBotSettings } from "../bot/bot-settings";
import { rateLimitsFor } from "../customers/level-policy";
import { checkRateLimits } from "../rules/rate-limits";
import { evaluateRules } from "../rules/evaluate-rules";
import type { TRuleSet } from "../rules/rule-schemas";
import { renderTemplate, resolveLanguage } from "../rules/templates";
import { maskWords } from "../rules/text-match";
import { formatOpening, nextOpening } from "../rules/working-hours";
import { composeAnswer, type TAnswer } from "./answer";
import { buildContext, type TContext } from "./build-context";
import { pipelineConfig, type TPipelineConfig } from "./config-cache";
import { orderEvidence, withOrderEvidence } from "./order-context";
import { escalateConversation, queuePriority, type TEscalationReason } from "./escalate";
import { readConversationState, type THistoryMessage } from "./conversation-state";
import { awaitStoredResult, findInbound } from "./inbound-message";
import { persistOutcome } from "./persist-answer";
import {
  ZIncomingMessage,
  type TIncoming,
  type TIncomingMessage,
  type TPipelineResult,
} from "./pipeline-schemas";
import { pipelineRateLimiter } from "./rate-limiter";
import { retrieve } from "./retrieve";
import { isQueued, serializeByKey } from "./serialize";
import { storeInbound, type TConversationRow } from "./store-inbound";
import { asStore, storesQuiet } from "./store-priority";

// One incoming customer message, for any channel (PRODUCT.md §3): idempotency → contact and
// conversation → rules → mode → context → retrieval → answer → routing → persistence → events.
// The customer's message is stored before anything can fail, and its result is stored on it, so a
// retry by the channel gets the same answer and nothing is processed twice.

const FAILURE_STREAK_LIMIT = 3;

// Answering (rules, context, retrieval, persistence) runs at most ANSWER_SLOTS messages at a time per
// process; storing the customer's message does not wait for a slot, nor does a message waiting for
// the model's reply hold one (the slots bound this process's own CPU and database work). In a burst
// beyond what the machine can answer, every message is still stored at once — the agent's ack and the
// agents' screens follow the store — and answers wait here in arrival order, instead of every step of
// every message competing for the CPU and the database pool (which made a stored message's ack wait
// seconds).
export const ANSWER_SLOTS = 4;
/** A previous message this recent may still have had its answer in flight while this one was stored. */
const RECENT_PREVIOUS_MS = 5 * 60_000;
/** A message that waited longer than this for a slot re-reads its conversation before answering. */
const STALE_AFTER_MS = 20;
/** exported for tests, which fill the slots to make a message wait */
export const answerSlots = new Semaphore(ANSWER_SLOTS);

// `onStored` runs once the customer's message is committed, or at once for a repeat of a stored
// channel id (`duplicate`): the channel may acknowledge it there, before the answer is ready. A repeat
// returns the first delivery's stored result, waiting for it unless `waitForDuplicate` is false (the
// agent gateway only acknowledges a repeat; its answer went out with the first delivery).
export type TPipelineHooks = {
  onStored?: (messageId: string, duplicate: boolean) => void;
  waitForDuplicate?: boolean;
};

export async function processIncomingMessage(
  raw: TIncomingMessage,
  hooks: TPipelineHooks = {},
): Promise<TPipelineResult> {
  const input = ZIncomingMessage.parse(raw);
  const started = performance.now();
  // one chat's messages are stored in arrival order, and answered in that order after one another
  const chatKey = `${input.tenantId}:${input.channel}:${input.chat?.id ?? input.contact.externalId}`;
  const { config, stored } = await serializeByKey(`store:${chatKey}`, async () => {
    // the tenant's settings, rules and providers come from the per-process cache (config-cache.ts)
    const config = await pipelineConfig(input.tenantId);
    const { refuse, mask } = config.ruleSet.sensitive;
    // sensitive words never reach the database, whatever the rules decide later
    const content = maskWords(input.text, [...refuse, ...mask]).text;
    return { config, stored: await asStore(() => storeInbound(input, content)) };
  });
  if (!stored && input.externalId) return repeated(input.tenantId, input.externalId, hooks);
  if (!stored) throw new Error("a message without a channel id cannot be a repeat");
  const { conversation, message, previousMessageAt } = stored;
  hooks.onStored?.(message.id, false);
  countMessage(input.channel, "customer");
  // the agents' screens learn of the stored message at once, before its answer
  const published = publishLive({
    type: "message",
    tenantId: input.tenantId,
    conversationId: conversation.id,
    message: toLiveMessage({ ...message, role: "CUSTOMER" }),
  });
  const answerKey = `answer:${chatKey}`;
  // An earlier message of this chat still being answered may change the conversation (a transfer, the
  // failure streak, the entity memory): this one re-reads it when its turn comes. That answer may also
  // have finished while this store ran (after the store's snapshot), so a conversation whose previous
  // message is recent is re-read too — in the same statement as the history the answer reads anyway.
  const behind =
    isQueued(answerKey) ||
    (previousMessageAt !== null && Date.now() - previousMessageAt.getTime() < RECENT_PREVIOUS_MS);
  const queued = performance.now();
  // enqueued before anything else is awaited, so answers keep the order of the stores
  return serializeByKey(answerKey, async () => {
    await published;
    return answerSlots.run(async () => {
      await storesQuiet();
      // an agent may have taken over while this one waited
      const reload = behind || performance.now() - queued > STALE_AFTER_MS;
      return answer(input, conversation, message.id, { config, reload, started });
    });
  });
}

async function repeated(
  tenantId: string,
  externalId: string,
  hooks: TPipelineHooks,
): Promise<TPipelineResult> {
  const first = await findInbound(tenantId, externalId);
  if (first) hooks.onStored?.(first.id, true);
  if (hooks.waitForDuplicate !== false) return awaitStoredResult(tenantId, externalId);
  return {
    action: "ignore",
    content: "",
    confidence: 0,
    conversationId: first?.conversationId ?? "",
    messageId: first?.id ?? "",
    replyMessageId: null,
    reason: "duplicate",
    duplicate: true,
  };
}

type TOutcome = Omit<TPipelineResult, "conversationId" | "messageId" | "duplicate" | "replyMessageId"> & {
  bot?: Omit<TAnswer, "action" | "content" | "confidence" | "reason">;
  escalate?: TEscalationReason;
  /** the context the bot built (its type and entity memory are saved with the answer) */
  context?: TContext;
};

async function answer(
  input: TIncoming,
  stored: TConversationRow,
  inboundId: string,
  o: { config: TPipelineConfig; reload: boolean; started: number },
): Promise<TPipelineResult> {
  const now = new Date();
  const { config } = o;
  // history is read with the conversation's current state when that is re-read, else only when needed
  const state = o.reload ? await readConversationState(stored, { reload: true }) : null;
  const conv = state?.conversation ?? stored;
  const history = async () =>
    historyBefore(inboundId, (state ?? (await readConversationState(conv, { reload: false }))).history);
  const language = resolveLanguage(input.language ?? config.language ?? config.bot.defaultLanguage);
  const chatId = conv.chatId ?? input.contact.externalId;
  const decision = evaluateRules(config.ruleSet, {
    text: input.text,
    contact: {
      id: conv.contact.externalId,
      name: conv.contact.name,
      phone: conv.contact.phone,
      level: conv.contact.levelOverride ?? conv.contact.level,
    },
    chat: { id: chatId, type: conv.chatType === "GROUP" ? "group" : "private", name: conv.chatName },
    atMe: input.atMe,
    now,
    language,
  });
  const outcome = await decide(input, conv, decision, { config, language, now, history });
  return finish(input, conv, inboundId, outcome, decision.afterHours, o.started);
}

/**
 * The messages before the one being answered, newest first: later customer messages of the chat may
 * be stored already (they wait their turn), and are not this message's past.
 */
function historyBefore(inboundId: string, rows: THistoryMessage[]): THistoryMessage[] {
  const at = rows.findIndex((m) => m.id === inboundId);
  if (at < 0) return rows;
  const current = rows[at];
  return rows.filter((m, i) => i !== at && !(m.role === "CUSTOMER" && m.createdAt > current.createdAt));
}

async function decide(
  input: TIncoming,
  conv: TConversationRow,
  decision: ReturnType<typeof evaluateRules>,
  c: {
    config: TPipelineConfig;
    language: "zh-CN" | "en";
    now: Date;
    history: () => Promise<THistoryMessage[]>;
  },
): Promise<TOutcome> {
  const s = { ...c, ruleSet: c.config.ruleSet, bot: c.config.bot as TBotSettings };
  // the bot never talks over a human (or over an open after-hours ticket)
  if (conv.status !== "BOT") return { action: "ignore", content: "", confidence: 0, reason: "human_mode" };
  if (decision.kind === "ignore")
    return { action: "ignore", content: "", confidence: 0, reason: decision.reason };
  // BLACK customers get a stricter per-contact limit (limited service)
  const limit = await checkRateLimits(pipelineRateLimiter, rateLimitsFor(s.ruleSet, conv.contact), {
    tenantId: input.tenantId,
    chatId: conv.chatId ?? conv.contactId,
    contactId: conv.contactId,
  });
  if (!limit.allowed) {
    // one polite notice per minute; further messages of a flood are stored and not answered
    const notice = await pipelineRateLimiter.consume(`notice:${input.tenantId}:${conv.contactId}`, 1, 60);
    return notice
      ? {
          action: "reply",
          content: renderTemplate(s.ruleSet, "throttle", s.language),
          confidence: 1,
          reason: `rate_limited_${limit.scope}`,
        }
      : { action: "ignore", content: "", confidence: 0, reason: `rate_limited_${limit.scope}` };
  }
  if (decision.kind === "refuse")
    return { action: "reply", content: decision.reply, confidence: 1, reason: "refused" };
  if (decision.kind === "transfer")
    return {
      action: "transfer",
      content: decision.reply,
      confidence: 1,
      reason: decision.reason,
      escalate: decision.reason,
    };
  // a VIP goes straight to a human, unless this conversation went to the humans before and they
  // handed it back to the bot (escalatedAt stays set on release)
  if (s.config.vipDirectToHuman && conv.contact.vip && !conv.escalatedAt)
    return {
      action: "transfer",
      content: decision.afterHours
        ? afterHoursReply(s.ruleSet, s.language, s.now)
        : renderTemplate(s.ruleSet, "transfer", s.language),
      confidence: 1,
      reason: "vip",
      escalate: "vip",
    };

  const context = buildContext(await c.history(), conv, decision.text, s.now, s.language);
  // orders the customer names are looked up and join the evidence (order-context.ts)
  const orders = await orderEvidence(input.tenantId, conv.contact.id, decision.text);
  const knowledge = await retrieve(input.tenantId, decision.text, context.window, s.config);
  const hits = withOrderEvidence(orders, knowledge);
  // the model's answer comes over the network: its wait does not hold an answering slot
  const answer = await answerSlots.outside(() =>
    composeAnswer({
      text: decision.text,
      hits,
      window: context.window,
      smallTalk: context.type === "CHAT",
      bot: s.bot,
      ruleSet: s.ruleSet,
      language: s.language,
      customer: context.customer,
      entities: context.entitiesText,
      providers: s.config.chatProviders,
    }),
  );
  const { action, content, confidence, reason, ...bot } = answer;
  // three unhelpful answers in a row (clarifications) go to a human
  if (action === "clarify" && conv.botFailureStreak + 1 >= FAILURE_STREAK_LIMIT)
    return {
      action: "transfer",
      content: decision.afterHours
        ? afterHoursReply(s.ruleSet, s.language, s.now)
        : renderTemplate(s.ruleSet, "transfer", s.language),
      confidence,
      reason: "repeated_failure",
      bot,
      escalate: "repeated_failure",
      context,
    };
  if (action === "transfer")
    return {
      action,
      content: decision.afterHours ? afterHoursReply(s.ruleSet, s.language, s.now) : content,
      confidence,
      reason,
      bot,
      escalate: reason === "no_answer" ? "no_answer" : "low_confidence",
      context,
    };
  return { action, content, confidence, reason, bot, context };
}

function afterHoursReply(ruleSet: TRuleSet, language: "zh-CN" | "en", now: Date): string {
  const tz = ruleSet.workingHours.timezone;
  const when = formatOpening(nextOpening(ruleSet.workingHours, now), tz, language);
  return renderTemplate(ruleSet, "afterHours", language, { nextOpening: when });
}

async function finish(
  input: TIncoming,
  conv: TConversationRow,
  inboundId: string,
  o: TOutcome,
  afterHours: boolean,
  started: number,
): Promise<TPipelineResult> {
  const tenantId = input.tenantId;
  const content = o.content;
  if (o.escalate) {
    const res = await escalateConversation({
      tenantId,
      conversationId: conv.id,
      reason: o.escalate,
      afterHours,
      priority: queuePriority(conv.contact),
    });
    if (res.escalated) {
      await publishLive({
        type: "conversation",
        tenantId,
        conversationId: conv.id,
        status: res.status,
        assigneeId: null,
        change: "escalated",
      });
      await emit("kefu/conversation.escalated", {
        tenantId,
        conversationId: conv.id,
        reason: o.escalate,
        afterHours,
        status: res.status,
      }).catch((err: unknown) => logger().error({ err, tenantId }, "escalation event failed"));
    }
  }
  const answered = o.action !== "ignore" && Boolean(content);
  const resultOf = (replyMessageId: string | null): TPipelineResult => ({
    action: o.action,
    content,
    confidence: Math.min(1, Math.max(0, o.confidence)),
    conversationId: conv.id,
    messageId: inboundId,
    replyMessageId,
    reason: o.reason,
    duplicate: false,
  });
  // bot message, usage, conversation type/memory/streak and the stored result: one statement
  const replyMessageId = await persistOutcome({
    tenantId,
    conversationId: conv.id,
    inboundId,
    bot: answered
      ? {
          action: o.action === "reply" ? "REPLY" : o.action === "clarify" ? "CLARIFY" : "TRANSFER",
          content,
          confidence: o.confidence,
          provider: o.bot?.provider ?? null,
          model: o.bot?.model ?? null,
          tokensIn: o.bot?.tokensIn ?? 0,
          tokensOut: o.bot?.tokensOut ?? 0,
          latencyMs: Math.round(performance.now() - started),
          evidenceIds: o.bot?.evidenceIds ?? [],
          delivered: input.channel !== "WECHAT", // REST and widget answer in the response and the live event
          attempts: o.bot?.attempts ?? [],
          costMicros: o.bot?.costMicros ?? 0n,
        }
      : null,
    context: o.context ? { type: o.context.type, entities: o.context.entities } : null,
    streak: o.action === "clarify" ? "increment" : o.action === "reply" ? "reset" : null,
    result: resultOf,
  });
  if (answered) countMessage(input.channel, "bot");
  const result = resultOf(replyMessageId);
  const seconds = (performance.now() - started) / 1000;
  observePipeline(input.channel, o.action, seconds);
  // ids, outcome and failed provider calls only: message contents stay out of the logs
  const failedCalls = o.bot?.attempts.filter((a) => !a.ok).map((a) => `${a.kind}:${a.errorKind}`);
  const where = { tenantId, conversationId: conv.id, channel: input.channel, ms: Math.round(seconds * 1000) };
  logger().info({ ...where, action: o.action, reason: o.reason, failedCalls }, "message processed");
  await emit("kefu/message.processed", {
    tenantId,
    conversationId: conv.id,
    messageId: inboundId,
    action: o.action,
    contactId: conv.contactId,
  }).catch((err: unknown) => logger().warn({ err, tenantId }, "message event failed"));
  return result;
}
