import type { TLexicon } from "../text/lexicon";
import { normalizeText } from "../text/normalize";
import { STOPWORDS } from "../text/stopwords";
import { canonicalWord } from "../text/synonyms";
import { applyDictionary, cjkBigrams, extractCodes, segmentWords } from "../text/tokenize";

// The keyword side's terms for a text: canonical words without stopwords (tenant dictionary merged,
// synonym groups applied), codes with their punctuation removed (KF-7A → kf7a, so the 'simple'
// text-search parser keeps them whole), and Chinese character bigrams. Index and query use the same
// function.

export function searchTerms(text: string, lexicon: TLexicon = {}): string[] {
  const normal = normalizeText(text);
  const words = applyDictionary(segmentWords(normal), lexicon.dictionary ?? new Set())
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => canonicalWord(w, lexicon.synonyms))
    .filter((w) => !STOPWORDS.has(w) && !/^[^\p{L}\p{N}]+$/u.test(w));
  const codes = extractCodes(normal).map((c) => c.replace(/[^a-z0-9]/g, ""));
  // anything with a digit is covered, whole, by the codes; punctuation inside words would make the
  // text-search parser split them
  const plainWords = words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter((w) => w && !/\d/.test(w));
  return [...plainWords, ...codes, ...cjkBigrams(normal)];
}

/** Space-joined terms for KnowledgeChunk.searchText (the generated tsvector indexes them). */
export function searchText(parts: { text: string; repeat?: number }[], lexicon: TLexicon = {}): string {
  const out: string[] = [];
  for (const part of parts) {
    const terms = searchTerms(part.text, lexicon);
    for (let i = 0; i < (part.repeat ?? 1); i++) out.push(...terms);
  }
  return out.join(" ");
}

/** The operands anyTermQuery puts in its tsquery, in order (the in-memory search ranks with them). */
export function queryOperands(terms: string[]): string[] {
  return [...new Set(terms)]
    .filter(Boolean)
    .slice(0, 64)
    .map((t) => t.replace(/['\\]/g, ""));
}

/** A tsquery matching any of the terms ('simple' config; each term quoted). */
export function anyTermQuery(terms: string[]): string {
  return queryOperands(terms)
    .map((t) => `'${t}'`)
    .join(" | ");
}
