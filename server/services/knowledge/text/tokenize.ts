import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { DOMAIN_WORDS } from "./domain-words";
import { splitSentences } from "./sentences";

// Words for the keyword index and the embedder. jieba (with its standard dictionary plus customer-
// service words) segments Chinese; codes such as order numbers and models (AB12345678, KF-7A, 7kW)
// are kept whole; every run of Chinese characters also yields character bigrams, so a compound the
// segmenter splits differently in a query (充电|桩 vs 充电桩) still matches. Input must already be
// normalised (normalizeText).

const KEY = Symbol.for("kefu.jieba");
type G = typeof globalThis & { [KEY]?: Jieba };

function jieba(): Jieba {
  const g = globalThis as G;
  if (!g[KEY]) {
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000`).join("\n")));
    g[KEY] = j;
  }
  return g[KEY];
}

const CODE = /[a-z0-9]+(?:[-_./][a-z0-9]+)*/g;
const HAS_DIGIT = /\d/;
const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORD = /[\p{L}\p{N}]/u;

/** Codes with a digit (order numbers, models, capacities) kept whole. */
export function extractCodes(text: string): string[] {
  return (text.match(CODE) ?? []).filter((c) => HAS_DIGIT.test(c));
}

/** Segmented words, punctuation dropped. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const sentence of splitSentences(text)) {
    for (const w of jieba().cut(sentence, true)) {
      const t = w.trim();
      if (t && WORD.test(t)) words.push(t);
    }
  }
  return words;
}

/** Character bigrams of every Chinese run (a single character stands for itself). */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Merges adjacent words that together form an entry of a tenant's dictionary (longest first), so
 * tenant terms (产品名, 型号系列) become one token at index and query time.
 */
export function applyDictionary(words: string[], dictionary: ReadonlySet<string>, maxParts = 4): string[] {
  if (dictionary.size === 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 1;
    for (let n = Math.min(maxParts, words.length - i); n > 1; n--) {
      if (dictionary.has(words.slice(i, i + n).join(""))) {
        taken = n;
        break;
      }
    }
    out.push(words.slice(i, i + taken).join(""));
    i += taken;
  }
  return out;
}
