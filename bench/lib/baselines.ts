// The two baselines the knowledge-base issue asks us to beat, computed in memory:
// plain BM25 over Intl.Segmenter words, and cosine over character-bigram TF-IDF vectors.

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function intlWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

export function charBigrams(text: string): string[] {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}]/gu, "")];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** BM25 (k1 = 1.2, b = 0.75) over pre-tokenised documents. */
export function bm25Ranker(docs: string[][], k1 = 1.2, b = 0.75) {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const avgdl = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const tfs = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return (query: string[]): number[] =>
    tfs.map((tf, i) => {
      let s = 0;
      for (const t of new Set(query)) {
        const f = tf.get(t);
        if (!f) continue;
        s += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * docs[i].length) / avgdl));
      }
      return s;
    });
}

/** Cosine over TF-IDF vectors of pre-tokenised documents. */
export function tfidfRanker(docs: string[][]) {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((1 + docs.length) / (1 + (df.get(t) ?? 0))) + 1;
  const vec = (tokens: string[]) => {
    const m = new Map<string, number>();
    for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, f] of m) {
      const w = f * idf(t);
      m.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of m) m.set(t, w / norm);
    return m;
  };
  const docVecs = docs.map(vec);
  return (query: string[]): number[] => {
    const q = vec(query);
    return docVecs.map((d) => {
      let s = 0;
      for (const [t, w] of q) s += w * (d.get(t) ?? 0);
      return s;
    });
  };
}

export function rankIds(ids: string[], scores: number[]): string[] {
  return ids
    .map((id, i) => ({ id, s: scores[i] }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.id);
}
