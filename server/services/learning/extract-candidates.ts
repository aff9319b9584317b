import { db } from "../../db/client";
import {
  candidateConfidence,
  isFailureAnswer,
  isQuestion,
  isThanks,
  MIN_ANSWER_LENGTH,
  textLength,
} from "./extract-rules";
import type { TCandidate } from "./learning-schemas";

// From a closed or idle conversation: each customer question paired with the answer that followed it.
// Internal lines (NOTE, SYSTEM) are not part of the dialogue. When both a human and the bot answered
// the same question, the human's answer is the candidate (humans answer what the bot could not).

export type TLine = {
  role: "CUSTOMER" | "BOT" | "AGENT" | "SYSTEM" | "NOTE";
  content: string;
  action?: string | null;
  confidence?: number | null;
};

type TTurn = { question: string; human: string[]; bot: { text: string; confidence: number | null }[] };

function turnsOf(lines: TLine[]): { turns: TTurn[]; thanksAfter: Set<number> } {
  const turns: TTurn[] = [];
  const thanksAfter = new Set<number>();
  for (const line of lines) {
    if (line.role === "NOTE" || line.role === "SYSTEM") continue;
    const text = line.content.trim();
    if (line.role === "CUSTOMER") {
      const last = turns[turns.length - 1];
      const answered = last && (last.human.length > 0 || last.bot.length > 0);
      if (answered && isThanks(text)) thanksAfter.add(turns.length - 1);
      // a question split over several messages: the latest question-like one is the question
      if (!last || answered) turns.push({ question: text, human: [], bot: [] });
      else if (isQuestion(text) || !isQuestion(last.question)) last.question = text;
    } else if (turns.length) {
      const turn = turns[turns.length - 1];
      if (line.role === "AGENT") turn.human.push(text);
      // only real answers: clarifying questions and hand-over notices are not knowledge
      else if (!line.action || line.action.toUpperCase() === "REPLY")
        turn.bot.push({ text, confidence: line.confidence ?? null });
    }
  }
  return { turns, thanksAfter };
}

/** Pure: the candidates in a transcript, human-answered first, then by confidence. */
export function extractFromLines(lines: TLine[]): TCandidate[] {
  const { turns, thanksAfter } = turnsOf(lines);
  const out: TCandidate[] = [];
  turns.forEach((turn, i) => {
    if (!isQuestion(turn.question)) return;
    const human = turn.human.join("\n");
    const answeredBy = human ? "HUMAN" : "BOT";
    const answer = human || turn.bot.map((b) => b.text).join("\n");
    if (!answer || isFailureAnswer(answer) || textLength(answer) < MIN_ANSWER_LENGTH) return;
    const botConfidence = turn.bot.length ? Math.min(...turn.bot.map((b) => b.confidence ?? 0.6)) : null;
    const confidence = candidateConfidence({
      answeredBy,
      answer,
      botConfidence,
      thanked: thanksAfter.has(i),
    });
    out.push({ question: turn.question, answer, answeredBy, confidence });
  });
  const rank = (c: TCandidate) => (c.answeredBy === "HUMAN" ? 1 : 0);
  return out.sort((a, b) => rank(b) - rank(a) || b.confidence - a.confidence);
}

export async function extractCandidates(tenantId: string, conversationId: string): Promise<TCandidate[]> {
  const client = await db();
  const lines = await client.message.findMany({
    where: { tenantId, conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, content: true, action: true, confidence: true },
  });
  return extractFromLines(lines);
}
