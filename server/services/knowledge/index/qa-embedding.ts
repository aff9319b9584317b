import { embedLocal, type TEmbedOptions } from "../embedding/local-embedder";

/** Q&A pairs are indexed whole; the question outweighs the answer in the vector. */
export const ANSWER_WEIGHT = 0.5;

/** question + ANSWER_WEIGHT × answer, unit length (for any embedder's vectors). */
export function combineQaVectors(q: Float32Array, a: Float32Array): Float32Array {
  const v = new Float32Array(q.length);
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = q[i] + ANSWER_WEIGHT * (a[i] ?? 0);
    norm += v[i] * v[i];
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}

export function embedQaLocal(question: string, answer: string, opts: TEmbedOptions = {}): Float32Array {
  return combineQaVectors(embedLocal(question, opts), embedLocal(answer, opts));
}

/** pgvector's text form. */
export function vectorLiteral(v: Float32Array): string {
  return `[${Array.from(v, (x) => (x === 0 ? "0" : x.toFixed(6))).join(",")}]`;
}
