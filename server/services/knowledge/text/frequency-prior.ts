import { dict } from "@node-rs/jieba/dict";

// A general-language frequency prior from jieba's dictionary (349k words with corpus counts): how
// informative a word or a character is, without looking at any tenant's data. It
// plays the role IDF plays in BM25 for the embedder, whose vectors must not depend on the corpus.
// Units the dictionary never saw (domain terms such as 充电桩, codes) count as informative.

type TPrior = { words: Map<string, number>; chars: Map<string, number>; total: number };

const KEY = Symbol.for("kefu.frequency-prior");
type G = typeof globalThis & { [KEY]?: TPrior };

function build(): TPrior {
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  let total = 0;
  for (const line of Buffer.from(dict).toString("utf8").split("\n")) {
    const sp = line.indexOf(" ");
    if (sp <= 0) continue;
    const word = line.slice(0, sp);
    const freq =
      Number(line.slice(sp + 1, line.indexOf(" ", sp + 1) > 0 ? line.indexOf(" ", sp + 1) : undefined)) || 1;
    total += freq;
    words.set(word, (words.get(word) ?? 0) + freq);
    for (const ch of word) chars.set(ch, (chars.get(ch) ?? 0) + freq);
  }
  return { words, chars, total };
}

function prior(): TPrior {
  const g = globalThis as G;
  return (g[KEY] ??= build());
}

const CAP = 14; // ln(total / 50): rarer than that is "rare", however rare

function idf(count: number | undefined, total: number, unseen: number): number {
  if (!count) return unseen;
  return Math.min(CAP, Math.log(total / (count + 1)));
}

/** Informativeness in roughly [0.3, 1.2] (1 ≈ a typical content word). */
export function wordWeight(word: string): number {
  const p = prior();
  return idf(p.words.get(word), p.total, 12) / 10;
}

/** Dictionary words rarely contain everyday phrases, so a bigram is as informative as its characters. */
export function bigramWeight(bigram: string): number {
  const [a, b] = [...bigram];
  return (charWeight(a) + charWeight(b ?? a)) / 2;
}

export function charWeight(ch: string): number {
  const p = prior();
  return idf(p.chars.get(ch), p.total, 12) / 10;
}
