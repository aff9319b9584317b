import type { TContextMessage } from "../conversations/context/context-types";
import type { TSearchHit } from "../knowledge/search/search-knowledge";
import type { TChatRequestInput } from "../providers/chat-types";

// The prompt: the tenant's persona, what we know about the customer, the retrieved evidence and the
// recent turns. The model must stay within the evidence and report its own confidence as JSON, which
// the pipeline combines with the retrieval evidence (confidence.ts).

const EVIDENCE_LIMIT = 5;
const EVIDENCE_CHARS = 1200;

export type TPromptInput = {
  persona: string;
  botName: string;
  language: "zh-CN" | "en";
  customer: string;
  entities: string;
  evidence: TSearchHit[];
  history: TContextMessage[];
  text: string;
};

function evidenceBlock(hits: TSearchHit[]): string {
  if (!hits.length) return "(no relevant knowledge was found)";
  return hits
    .slice(0, EVIDENCE_LIMIT)
    .map((h, i) => {
      const body = h.question ? `Q: ${h.question}\nA: ${h.answer ?? ""}` : h.content;
      return `[${i + 1}] (relevance ${h.score.toFixed(2)})\n${body.slice(0, EVIDENCE_CHARS)}`;
    })
    .join("\n\n");
}

export function buildPrompt(p: TPromptInput): TChatRequestInput {
  const answerLanguage = p.language === "en" ? "English" : "Simplified Chinese";
  const system = [
    p.persona,
    `Your name is ${p.botName}. Answer in ${answerLanguage}, briefly and politely, in plain text (no Markdown).`,
    "Use only the knowledge below. If it does not contain the answer, do not guess: say so and set needs_human.",
    "Never invent prices, dates, order states or policies.",
    "",
    `Customer: ${p.customer}`,
    p.entities ? `Remembered from this conversation: ${p.entities}` : "",
    "",
    "Knowledge:",
    evidenceBlock(p.evidence),
    "",
    'Reply with JSON only: {"answer": string, "confidence": number 0..1 (how sure you are that the answer is',
    'correct and supported by the knowledge), "needs_human": boolean, "clarifying_question": string or null',
    "(one short question when the customer's request is ambiguous)}.",
  ]
    .filter((l) => l !== null)
    .join("\n");
  const messages: TChatRequestInput["messages"] = [];
  for (const m of p.history) {
    if (m.role === "CUSTOMER") messages.push({ role: "user", content: m.content });
    else if (m.role === "BOT" || m.role === "AGENT") messages.push({ role: "assistant", content: m.content });
  }
  messages.push({ role: "user", content: p.text });
  return { system, messages, responseFormat: "json" };
}
