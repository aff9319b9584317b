import { dict } from "@node-rs/jieba/dict";

// A general-language frequency prior from jieba's dictionary (349k words with corpus counts): how
// informative a word or a character is, without looking at any tenant's data. It
// plays the role IDF plays in BM25 for the embedder, whose vectors must not depend on the corpus.
// Units the dictionary never saw (domain terms such as 充电桩, codes) count as informative.
//
// Every server process holds this table (the agent gateway's 5 000-connection memory target counts
// it), so it is compact: the dictionary stays one string, and a word is found through an
// open-addressing hash table of typed arrays (~12 MB) instead of a Map of 349k strings (~60 MB RSS).

type TPrior = {
  text: string;
  /** per entry: where its word starts in `text`, its length and its summed corpus count */
  start: Uint32Array;
  length: Uint8Array;
  count: Float64Array;
  /** entry index + 1 per slot, 0 = empty; size a power of two */
  slots: Int32Array;
  chars: Map<string, number>;
  total: number;
};

const KEY = Symbol.for("kefu.frequency-prior");
type G = typeof globalThis & { [KEY]?: TPrior };

/** FNV-1a over UTF-16 code units of text[from, from + len). */
function hashOf(text: string, from: number, len: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + len; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameWord(p: TPrior, entry: number, word: string, from: number, len: number): boolean {
  if (p.length[entry] !== len) return false;
  const at = p.start[entry];
  for (let i = 0; i < len; i++) if (p.text.charCodeAt(at + i) !== word.charCodeAt(from + i)) return false;
  return true;
}

/** The slot holding the word, or the empty slot where it would go. */
function slotOf(p: TPrior, word: string, from: number, len: number): number {
  const mask = p.slots.length - 1;
  let slot = hashOf(word, from, len) & mask;
  while (p.slots[slot] !== 0 && !sameWord(p, p.slots[slot] - 1, word, from, len)) slot = (slot + 1) & mask;
  return slot;
}

function build(): TPrior {
  const text = new TextDecoder().decode(dict);
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  const capacity = lines + 1;
  let size = 1;
  while (size < capacity * 2) size <<= 1; // load ≤ 0.5 keeps probes short
  const p: TPrior = {
    text,
    start: new Uint32Array(capacity),
    length: new Uint8Array(capacity),
    count: new Float64Array(capacity),
    slots: new Int32Array(size),
    chars: new Map(),
    total: 0,
  };
  let entries = 0;
  for (let from = 0; from < text.length;) {
    const newline = text.indexOf("\n", from);
    const eol = newline < 0 ? text.length : newline;
    const sp = text.indexOf(" ", from);
    const len = sp - from;
    if (sp > from && sp < eol && len < 256) {
      let freq = 0;
      for (let i = sp + 1; i < eol; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        freq = freq * 10 + d;
      }
      freq ||= 1;
      p.total += freq;
      const slot = slotOf(p, text, from, len);
      if (p.slots[slot] === 0) {
        p.start[entries] = from;
        p.length[entries] = len;
        p.slots[slot] = ++entries;
      }
      p.count[p.slots[slot] - 1] += freq;
      for (const ch of text.slice(from, sp)) p.chars.set(ch, (p.chars.get(ch) ?? 0) + freq);
    }
    from = eol + 1;
  }
  return p;
}

function prior(): TPrior {
  const g = globalThis as G;
  return (g[KEY] ??= build());
}

function wordCount(p: TPrior, word: string): number | undefined {
  if (!word || word.length > 255) return undefined;
  const entry = p.slots[slotOf(p, word, 0, word.length)];
  return entry === 0 ? undefined : p.count[entry - 1];
}

const CAP = 14; // ln(total / 50): rarer than that is "rare", however rare

function idf(count: number | undefined, total: number, unseen: number): number {
  if (!count) return unseen;
  return Math.min(CAP, Math.log(total / (count + 1)));
}

/** Informativeness in roughly [0.3, 1.2] (1 ≈ a typical content word). */
export function wordWeight(word: string): number {
  const p = prior();
  return idf(wordCount(p, word), p.total, 12) / 10;
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
