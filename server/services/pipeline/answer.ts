import type { TBotSettings } from "../bot/bot-settings";
import type { TContextWindow } from "../conversations/context/window";
import type { TSearchHit } from "../knowledge/search/search-knowledge";
import { runProviderChain, type TAttempt } from "../providers/provider-chain";
import type { TProviderConfigInput } from "../providers/provider-config";
import type { TRuleSet } from "../rules/rule-schemas";
import { renderTemplate } from "../rules/templates";
import { combineConfidence, parseModelAnswer } from "./confidence";
import { buildPrompt } from "./prompt";

// From evidence to an answer: a curated Q&A above the direct-answer threshold answers at once; else
// the tenant's provider chain generates; without providers (or when every provider fails) the best
// knowledge-base answer is the template; with nothing good enough the conversation goes to a human.
// Routing by confidence: ≥ reply threshold → reply, ≥ clarify threshold → clarify, else transfer.

export type TAnswer = {
  action: "reply" | "clarify" | "transfer";
  content: string;
  confidence: number;
  reason: string;
  evidenceIds: string[];
  provider: string | null;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  costMicros: bigint;
  attempts: TAttempt[];
};

export type TAnswerInput = {
  text: string;
  hits: TSearchHit[];
  window: TContextWindow;
  smallTalk: boolean;
  bot: TBotSettings;
  ruleSet: TRuleSet;
  language: "zh-CN" | "en";
  customer: string;
  entities: string;
  providers: TProviderConfigInput[];
};

const NONE = { provider: null, model: null, tokensIn: 0, tokensOut: 0, costMicros: 0n, attempts: [] };

function hitAnswer(hit: TSearchHit): string {
  return hit.answer ?? hit.content;
}

/** The knowledge base alone: its best answer as the template, a suggestion, or a human. */
function fromKnowledge(p: TAnswerInput, attempts: TAttempt[], reasonSuffix = ""): TAnswer {
  const top = p.hits[0];
  const evidenceIds = top ? [top.chunkId] : [];
  const score = top?.score ?? 0;
  if (top && score >= p.bot.replyThreshold)
    return {
      ...NONE,
      attempts,
      action: "reply",
      content: hitAnswer(top),
      confidence: score,
      reason: `knowledge_template${reasonSuffix}`,
      evidenceIds,
    };
  // small talk ("你好", "谢谢") needs no knowledge and no human: a greeting keeps the door open
  if (p.smallTalk && !attempts.length)
    return {
      ...NONE,
      attempts,
      action: "reply",
      content: renderTemplate(p.ruleSet, "greeting", p.language),
      confidence: 0.8,
      reason: "small_talk",
      evidenceIds: [],
    };
  if (top?.question && score >= p.bot.clarifyThreshold) {
    const suggestion =
      p.language === "en" ? `Do you mean: "${top.question}"?` : `您是想问「${top.question}」吗？`;
    return {
      ...NONE,
      attempts,
      action: "clarify",
      content: suggestion,
      confidence: score,
      reason: `knowledge_suggestion${reasonSuffix}`,
      evidenceIds,
    };
  }
  return {
    ...NONE,
    attempts,
    action: "transfer",
    content: renderTemplate(p.ruleSet, attempts.length ? "defaultReply" : "transfer", p.language),
    confidence: score,
    reason: attempts.length ? "providers_failed" : "no_answer",
    evidenceIds,
  };
}

export async function composeAnswer(p: TAnswerInput): Promise<TAnswer> {
  const top = p.hits[0];
  if (top?.directAnswer && top.answer)
    return {
      ...NONE,
      action: "reply",
      content: top.answer,
      confidence: top.score,
      reason: "direct_answer",
      evidenceIds: [top.chunkId],
    };
  if (!p.providers.length) return fromKnowledge(p, []);

  const evidence = p.hits.filter((h) => h.score >= 0.05);
  const chain = await runProviderChain(
    p.providers,
    buildPrompt({
      persona: p.bot.persona,
      botName: p.bot.botName,
      language: p.language,
      customer: p.customer,
      entities: p.entities,
      evidence,
      history: p.window.messages,
      text: p.text,
    }),
  );
  if (!chain.ok) return fromKnowledge(p, chain.attempts, "_fallback");

  const r = chain.result;
  const model = parseModelAnswer(r.content);
  const confidence = combineConfidence({
    retrieval: top?.score ?? 0,
    self: model.confidence,
    smallTalk: p.smallTalk,
  });
  const base = {
    provider: r.provider,
    model: r.model,
    tokensIn: r.tokensIn,
    tokensOut: r.tokensOut,
    costMicros: r.costMicros,
    attempts: chain.attempts,
    evidenceIds: evidence.slice(0, 5).map((h) => h.chunkId),
    confidence,
  };
  if (model.needs_human || confidence < p.bot.clarifyThreshold)
    return {
      ...base,
      action: "transfer",
      content: renderTemplate(p.ruleSet, "transfer", p.language),
      reason: model.needs_human ? "model_needs_human" : "low_confidence",
    };
  if (confidence < p.bot.replyThreshold)
    return {
      ...base,
      action: "clarify",
      content: model.clarifying_question?.trim() || renderTemplate(p.ruleSet, "clarify", p.language),
      reason: "clarify",
    };
  return { ...base, action: "reply", content: model.answer, reason: "generated" };
}
