import { randomUUID } from "node:crypto";
import type { Prisma } from "../../db/generated/prisma/client";
import type { Channel, ConversationStatus } from "../../db/generated/prisma/enums";
import { queuePriority, type TEscalationReason } from "../pipeline/escalate";
import { bandFor } from "../lifecycle/lifecycle-bands";
import { DEFAULT_LIFECYCLE_THRESHOLDS } from "../lifecycle/lifecycle-settings";
import { costMicros } from "../providers/cost";
import { systemLine } from "../workbench/system-lines";
import {
  AGENT_CLOSINGS,
  AGENT_REPLIES,
  CLARIFY_REPLIES,
  CUSTOMER_THANKS,
  TRANSFER_REPLY,
} from "./data/people";
import { DEMO_LEARNED, OTHER_HARD_ASKS } from "./data/learned";
import { DEMO_GREETINGS } from "./data/qa-pairs";
import type { TDemoKnowledge } from "./demo-knowledge";
import type { TRandom } from "./random";

// One simulated conversation as rows: the customer's turns, the bot's decisions (with the fields the
// pipeline writes: action, confidence, latency, provider/model, tokens, evidence) and, when it goes to
// a human, the escalation → take-over → agent replies → close → rating events. Everything is timed
// from the start; whatever would happen after `now` is cut off, which leaves today's latest
// conversations open (with the bot, waiting for a human or with 小王), as on a live system.

export type TScenario = "bot" | "clarify" | "escalate" | "greeting";
export type TDemoContact = {
  id: string;
  channel: Channel;
  externalId: string;
  name: string;
  vip: boolean;
  level: "WHITE" | "GRAY" | "BLACK";
  levelOverride: "WHITE" | "GRAY" | "BLACK" | null;
  messageCount: number;
  conversationCount: number;
  positiveFeedback: number;
  inquiryCount: number;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
};

export type TConversationRows = {
  conversation: Prisma.ConversationCreateManyInput;
  messages: Prisma.MessageCreateManyInput[];
  events: Prisma.ConversationEventCreateManyInput[];
  usage: Prisma.UsageRecordCreateManyInput[];
  /** the customer's question the bot could not answer (an `ask` of data/learned.ts), if 小王 answered it */
  learnedFrom: string | null;
};

export type TConversationContext = {
  tenantId: string;
  rng: TRandom;
  now: Date;
  knowledge: TDemoKnowledge;
  agent: { id: string; name: string };
  deviceId: string;
};

// provider prices per million tokens (CNY), as a tenant would configure them
const PROVIDERS = {
  deepseek: { provider: "deepseek", model: "deepseek-chat", inPerM: 2, outPerM: 8 },
  qwen: { provider: "qwen", model: "qwen-plus", inPerM: 0.8, outPerM: 2 },
};

// the default rule set's idle prompt (rules/default-rules.ts), sent once when a bot conversation idles
const IDLE_PROMPT = "还在吗？如果需要帮助，随时告诉我哦~";

const HARD_ASKS = [...DEMO_LEARNED.map((l) => l.ask), ...OTHER_HARD_ASKS];

const SEC = 1000;
const MIN = 60 * SEC;

export function buildConversation(
  ctx: TConversationContext,
  contact: TDemoContact,
  start: Date,
  scenario: TScenario,
  /** stop the story at this point even if `now` is later (the live conversations at the end) */
  holdAt?: "waiting" | "with_agent",
): TConversationRows {
  const { rng, tenantId } = ctx;
  const conversationId = randomUUID();
  const rows: TConversationRows = {
    conversation: null as unknown as Prisma.ConversationCreateManyInput,
    messages: [],
    events: [],
    usage: [],
    learnedFrom: null,
  };
  let t = start.getTime();
  let status = "BOT" as ConversationStatus;
  let cut = false; // the story reached `now`
  const fits = (ms: number) => {
    if (ms > ctx.now.getTime()) cut = true;
    return !cut;
  };
  const conv = {
    escalatedAt: null as Date | null,
    escalationReason: null as string | null,
    assigneeId: null as string | null,
    firstResponseAt: null as Date | null,
    closedAt: null as Date | null,
    outcome: null as "RESOLVED" | "UNRESOLVED" | null,
    satisfaction: null as number | null,
    lastMessageAt: start,
  };

  const customer = (content: string): string | null => {
    if (!fits(t)) return null;
    const id = randomUUID();
    rows.messages.push({
      id,
      tenantId,
      conversationId,
      role: "CUSTOMER",
      content,
      senderName: contact.name,
      createdAt: new Date(t),
    });
    contact.messageCount++;
    contact.lastSeenAt = new Date(t);
    contact.firstSeenAt ??= new Date(t);
    conv.lastMessageAt = new Date(t);
    return id;
  };

  const bot = (
    replyToId: string,
    action: "REPLY" | "CLARIFY" | "TRANSFER",
    content: string,
    confidence: number,
    evidenceIds: string[],
  ) => {
    // a long tail of slow answers, as real providers have
    const latencyMs = Math.round(
      rng.chance(0.04) ? rng.around(9000, 4000, 5000, 16000) : rng.around(1900, 1200, 500, 5000),
    );
    t += latencyMs;
    if (!fits(t)) return;
    const failover = rng.chance(0.03); // the first provider timed out; the second one answered
    const p = failover ? PROVIDERS.qwen : PROVIDERS.deepseek;
    const tokensIn = Math.round(rng.around(1100, 500, 300, 2400));
    const tokensOut = Math.round(rng.around(110, 70, 20, 320));
    const id = randomUUID();
    const at = new Date(t);
    rows.messages.push({
      id,
      tenantId,
      conversationId,
      role: "BOT",
      content,
      action,
      confidence: Math.round(confidence * 1000) / 1000,
      provider: p.provider,
      model: p.model,
      tokensIn,
      tokensOut,
      latencyMs,
      evidenceIds,
      replyToId,
      deliveryStatus: "SENT",
      deliveredAt: at,
      createdAt: at,
    });
    if (failover)
      rows.usage.push({
        tenantId,
        provider: PROVIDERS.deepseek.provider,
        model: PROVIDERS.deepseek.model,
        tokensIn: 0,
        tokensOut: 0,
        costMicros: 0n,
        latencyMs: 8000,
        ok: false,
        error: "The provider did not answer within 8000 ms",
        messageId: id,
        createdAt: at,
      });
    rows.usage.push({
      tenantId,
      provider: p.provider,
      model: p.model,
      tokensIn,
      tokensOut,
      costMicros: costMicros(tokensIn, tokensOut, p.inPerM, p.outPerM),
      latencyMs: failover ? latencyMs - 8000 : latencyMs,
      ok: true,
      messageId: id,
      createdAt: at,
    });
  };

  const event = (
    type: string,
    from: ConversationStatus,
    to: ConversationStatus,
    data: object,
    actorId?: string,
  ) => {
    rows.events.push({
      tenantId,
      conversationId,
      type,
      fromStatus: from,
      toStatus: to,
      actorId: actorId ?? null,
      data: data as Prisma.InputJsonValue,
      createdAt: new Date(t),
    });
    status = to;
  };

  const staffLine = (role: "AGENT" | "SYSTEM", content: string) => {
    const at = new Date(t);
    rows.messages.push({
      id: randomUUID(),
      tenantId,
      conversationId,
      role,
      content,
      authorId: ctx.agent.id,
      senderName: role === "AGENT" ? ctx.agent.name : null,
      deliveryStatus: "SENT",
      deliveredAt: at,
      createdAt: at,
    });
    if (role === "AGENT") {
      conv.firstResponseAt ??= at;
      conv.lastMessageAt = at; // system lines do not count as activity (see the lifecycle sweep)
    }
  };

  const answerTurn = (topic?: string) => {
    const pool = topic ? ctx.knowledge.pairs.filter((p) => p.qa.topic === topic) : ctx.knowledge.pairs;
    const pair = rng.pick(pool);
    const ask = rng.chance(0.6) && pair.qa.asks.length ? rng.pick(pair.qa.asks) : pair.qa.question;
    const id = customer(ask);
    if (!id) return pair.qa.topic;
    // a manual section backs some answers up as a second piece of evidence
    const evidence =
      rng.chance(0.2) && ctx.knowledge.documentChunkIds.length
        ? [pair.chunkId, rng.pick(ctx.knowledge.documentChunkIds)]
        : [pair.chunkId];
    bot(id, "REPLY", pair.qa.answer, rng.around(0.86, 0.1, 0.66, 0.99), evidence);
    return pair.qa.topic;
  };

  const pause = (min: number, max: number) => {
    t += rng.int(min, max);
  };

  if (scenario === "greeting" || (!holdAt && rng.chance(0.3))) {
    const id = customer(rng.pick(DEMO_GREETINGS));
    if (id) bot(id, "REPLY", "您好，我是极速充智能客服，请问有什么可以帮您？", 0.95, []);
    pause(10 * SEC, 90 * SEC);
  }

  if (scenario === "bot" || scenario === "clarify") {
    if (scenario === "clarify" || rng.chance(0.12)) {
      const id = customer(rng.pick(["充电桩有问题", "我那个桩不行了", "怎么弄", "报错了"]));
      if (id) bot(id, "CLARIFY", rng.pick(CLARIFY_REPLIES), rng.around(0.5, 0.08, 0.35, 0.62), []);
      pause(20 * SEC, 3 * MIN);
    }
    if (scenario === "bot") {
      let topic = answerTurn();
      for (let turns = rng.int(1, 4); turns > 0 && !cut; turns--) {
        pause(20 * SEC, 4 * MIN);
        topic = answerTurn(rng.chance(0.7) ? topic : undefined);
      }
      if (rng.chance(0.5)) {
        pause(10 * SEC, 2 * MIN);
        customer(rng.pick(CUSTOMER_THANKS));
      }
    }
  } else if (scenario === "escalate") {
    for (let turns = holdAt ? 0 : rng.int(0, 2); turns > 0 && !cut; turns--) {
      answerTurn();
      pause(20 * SEC, 3 * MIN);
    }
    const hard = rng.pick(HARD_ASKS);
    const known = DEMO_LEARNED.find((l) => l.ask === hard);
    const id = customer(hard);
    if (id) {
      const keyword = hard.includes("人工") || hard.includes("投诉");
      const reason: TEscalationReason = contact.vip
        ? "vip"
        : keyword
          ? "keyword"
          : rng.pick(["low_confidence", "no_answer", "repeated_failure"] as const);
      bot(id, "TRANSFER", TRANSFER_REPLY, keyword ? 1 : rng.around(0.3, 0.12, 0.1, 0.5), []);
      if (fits(t)) {
        conv.escalatedAt = new Date(t);
        conv.escalationReason = reason;
        event("escalated", "BOT", "PENDING_HUMAN", { reason, afterHours: false, detail: null });
      }
      // 小王 takes over within minutes (longer when the queue is busy)
      pause(20 * SEC, holdAt ? 2 * MIN : rng.chance(0.15) ? 15 * MIN : 4 * MIN);
      if (holdAt !== "waiting" && fits(t)) {
        conv.assigneeId = ctx.agent.id;
        event("taken_over", "PENDING_HUMAN", "HUMAN", { agentName: ctx.agent.name }, ctx.agent.id);
        staffLine("SYSTEM", systemLine("joined", "zh-CN", ctx.agent.name));
        const replies = rng.int(1, 3);
        let answer = "";
        for (let i = 0; i < replies && !cut; i++) {
          pause(15 * SEC, 2 * MIN);
          if (!fits(t)) break;
          // the first reply answers the question when there is an answer to give
          answer = i === 0 && known ? known.answer : rng.pick(AGENT_REPLIES);
          staffLine("AGENT", answer);
          pause(20 * SEC, 3 * MIN);
          customer(rng.pick(CUSTOMER_THANKS));
        }
        if (answer && known) rows.learnedFrom = hard;
        pause(30 * SEC, 2 * MIN);
        if (holdAt !== "with_agent" && fits(t)) {
          staffLine("AGENT", rng.pick(AGENT_CLOSINGS));
          const requested = rng.chance(0.75);
          if (requested) staffLine("SYSTEM", systemLine("rateRequest", "zh-CN"));
          conv.outcome = rng.chance(0.9) ? "RESOLVED" : "UNRESOLVED";
          conv.closedAt = new Date(t);
          event(
            "closed",
            "HUMAN",
            "CLOSED",
            { outcome: conv.outcome, satisfactionRequested: requested },
            ctx.agent.id,
          );
          pause(30 * SEC, 5 * MIN);
          if (requested && rng.chance(0.7) && fits(t)) {
            const score = rng.chance(0.7) ? 5 : rng.chance(0.6) ? 4 : rng.int(1, 3);
            conv.satisfaction = score;
            if (score >= 4) contact.positiveFeedback++;
            rows.events.push({
              tenantId,
              conversationId,
              type: "rated",
              actorId: null,
              data: { score, comment: null, via: contact.channel === "WIDGET" ? "widget" : "chat" },
              createdAt: new Date(t),
            });
          }
        }
      }
    }
  }

  // as the lifecycle sweep does: a bot conversation quiet for its type's "expired" time is closed, with
  // no outcome (nobody judged it); open or not, the lifecycle band follows the quiet time
  const type = scenario === "greeting" ? "CHAT" : "CONSULT";
  const thresholds = DEFAULT_LIFECYCLE_THRESHOLDS[type];
  if (status === "BOT" && !cut) {
    const promptAt = conv.lastMessageAt.getTime() + thresholds.idle * MIN;
    if (promptAt <= ctx.now.getTime())
      rows.messages.push({
        id: randomUUID(),
        tenantId,
        conversationId,
        role: "SYSTEM",
        content: IDLE_PROMPT,
        deliveryStatus: "SENT",
        deliveredAt: new Date(promptAt),
        createdAt: new Date(promptAt),
      });
    const closeAt = conv.lastMessageAt.getTime() + thresholds.expired * MIN;
    if (closeAt <= ctx.now.getTime()) {
      t = closeAt;
      conv.closedAt = new Date(t);
      event("closed", "BOT", "CLOSED", { reason: "idle" });
    }
  }

  contact.conversationCount++;
  if (scenario !== "greeting") contact.inquiryCount++;
  const quietMs = (conv.closedAt ?? ctx.now).getTime() - conv.lastMessageAt.getTime();
  rows.conversation = {
    id: conversationId,
    tenantId,
    contactId: contact.id,
    channel: contact.channel,
    deviceId: contact.channel === "WECHAT" ? ctx.deviceId : null,
    chatId: contact.externalId,
    chatName: contact.name,
    status,
    lifecycle: bandFor(quietMs / MIN, thresholds),
    type,
    priority: conv.escalatedAt ? queuePriority(contact) : 0,
    assigneeId: conv.assigneeId,
    escalationReason: conv.escalationReason,
    escalatedAt: conv.escalatedAt,
    firstResponseAt: conv.firstResponseAt,
    outcome: conv.outcome,
    satisfaction: conv.satisfaction,
    lastMessageAt: conv.lastMessageAt,
    closedAt: conv.closedAt,
    createdAt: start,
    updatedAt: conv.closedAt ?? conv.lastMessageAt,
  };
  return rows;
}
