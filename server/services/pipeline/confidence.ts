import { z } from "zod";

// The model's structured answer and the final confidence. Retrieval evidence (the calibrated score of
// the best hit, see knowledge/search/calibrate.ts) and the model's self-assessment count half each:
// a fluent answer without evidence cannot reach the reply threshold, and evidence the model finds
// insufficient pulls it down. Small talk (conversation type CHAT) needs no knowledge.

export const ZModelAnswer = z.object({
  answer: z.string().default(""),
  confidence: z.coerce.number().min(0).max(1).catch(0.5),
  needs_human: z.coerce.boolean().catch(false),
  clarifying_question: z.string().nullish().catch(null),
});
export type TModelAnswer = z.infer<typeof ZModelAnswer>;

/** Reads the model's JSON, tolerating code fences or prose around it; plain text counts as an answer. */
export function parseModelAnswer(raw: string): TModelAnswer {
  const start = raw.indexOf("{");
  const end = raw.lastIndexOf("}");
  if (start >= 0 && end > start) {
    try {
      const parsed = ZModelAnswer.safeParse(JSON.parse(raw.slice(start, end + 1)));
      if (parsed.success && parsed.data.answer.trim()) return parsed.data;
    } catch {
      /* not JSON: fall through */
    }
  }
  return { answer: raw.trim(), confidence: 0.5, needs_human: false, clarifying_question: null };
}

const NO_EVIDENCE = 0.15;
const NO_EVIDENCE_CAP = 0.5;

export function combineConfidence(p: { retrieval: number; self: number; smallTalk: boolean }): number {
  if (p.smallTalk) return clamp(p.self);
  const blended = 0.5 * p.retrieval + 0.5 * p.self;
  return clamp(p.retrieval < NO_EVIDENCE ? Math.min(blended, NO_EVIDENCE_CAP) : blended);
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
}
