import { normalizeText } from "../knowledge/text/normalize";

// Word lists are matched on the normalised form (NFKC, Traditional → Simplified, lower case), but a
// masked message must keep the customer's own characters everywhere else. So the text is normalised
// one character at a time, remembering which original characters each normalised one came from.
// Latin words match whole words (ass ≠ class); Chinese words match anywhere, as Chinese has no spaces.

const SPACE = /\s/u;
const LATIN_EDGE = /[a-z0-9]/;
const charCache = new Map<string, string>();

function normalizeChar(ch: string): string {
  let n = charCache.get(ch);
  if (n === undefined) {
    n = normalizeText(ch);
    if (charCache.size < 20_000) charCache.set(ch, n);
  }
  return n;
}

export type TNormalView = {
  normal: string;
  /** For each normalised UTF-16 unit: the original [start, end) it came from. */
  from: { start: number; end: number }[];
};

export function normalView(text: string): TNormalView {
  let normal = "";
  const from: TNormalView["from"] = [];
  let i = 0;
  for (const ch of text) {
    const span = { start: i, end: i + ch.length };
    i += ch.length;
    if (SPACE.test(ch)) {
      if (normal && !normal.endsWith(" ")) {
        normal += " ";
        from.push(span);
      }
      continue;
    }
    const n = normalizeChar(ch);
    normal += n;
    for (let k = 0; k < n.length; k++) from.push(span);
  }
  return { normal, from };
}

/** Start offsets of `word` (already normalised) in `normal`, whole-word at Latin edges. */
export function findWord(normal: string, word: string): number[] {
  const hits: number[] = [];
  if (!word) return hits;
  const checkStart = LATIN_EDGE.test(word[0]);
  const checkEnd = LATIN_EDGE.test(word[word.length - 1]);
  for (let at = normal.indexOf(word); at >= 0; at = normal.indexOf(word, at + 1)) {
    if (checkStart && at > 0 && LATIN_EDGE.test(normal[at - 1])) continue;
    const after = normal[at + word.length];
    if (checkEnd && after !== undefined && LATIN_EDGE.test(after)) {
      // allow a plain English plural: "agents", "complaints"
      const next = normal[at + word.length + 1];
      if (!(after === "s" && (next === undefined || !LATIN_EDGE.test(next)))) continue;
    }
    hits.push(at);
  }
  return hits;
}

/** The first listed word that occurs, or undefined. */
export function firstWordIn(normal: string, words: readonly string[]): string | undefined {
  return words.find((w) => findWord(normal, w).length > 0);
}

/** Replaces every occurrence of the words with ***, keeping the rest of the original text. */
export function maskWords(text: string, words: readonly string[]): { text: string; matched: string[] } {
  if (words.length === 0) return { text, matched: [] };
  const view = normalView(text);
  const spans: { start: number; end: number }[] = [];
  const matched: string[] = [];
  for (const word of words) {
    const hits = findWord(view.normal, word);
    if (hits.length) matched.push(word);
    for (const at of hits) {
      spans.push({ start: view.from[at].start, end: view.from[at + word.length - 1].end });
    }
  }
  if (spans.length === 0) return { text, matched };
  spans.sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    if (s.start >= cursor) out += text.slice(cursor, s.start) + "***";
    cursor = Math.max(cursor, s.end);
  }
  return { text: out + text.slice(cursor), matched };
}

const MENTION = /@[^\s@]{1,20}\s/g;

/** Removes @-mentions (WeChat ends them with U+2005, which \s covers) before matching. */
export function stripMentions(text: string): string {
  return text.replace(MENTION, " ");
}

/** Normalises a configured word the way messages are normalised (empty results are dropped). */
export function normalizeWords(words: readonly string[]): string[] {
  return [...new Set(words.map(normalizeText).filter(Boolean))];
}
