// Token estimates and lossless text splitting for the chunker. The estimate needs no tokenizer model
// (embedding and chat models differ anyway): one token per CJK character, one per Latin word or
// number. Real tokenizers land within a small factor of this for mixed Chinese/English support text,
// which is all a chunk budget needs.

// A hand-written scanner rather than a Unicode regex: it is 5–10× faster, and the chunker estimates
// every piece of text up to three times (a 300-page PDF is ~300k characters).
const MAX_WORD = 20; // longer runs count one token per 20 characters: a base64 blob is not one "word"
const OTHER_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x3040 && c <= 0x30ff) || // hiragana, katakana
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0x1100 && c <= 0x11ff) || // hangul jamo
    (c >= 0x3130 && c <= 0x318f) || // hangul compatibility jamo
    (c >= 0xd840 && c <= 0xd87f) // high surrogate of extensions B–F (the pair counts once)
  );
}

function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  if (c >= 0xdc00 && c <= 0xdfff) return false; // low surrogate: its pair was judged at the high one
  return OTHER_WORD_CHAR.test(text[i]);
}

/** Counts tokens; `onStart` receives the index where each token begins (for splitting). */
function scan(text: string, onStart?: (index: number) => void): number {
  let count = 0;
  let run = 0; // length of the current word run, 0 outside words
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      run = 0;
      count++;
      onStart?.(i);
    } else if (isWordChar(text, i, c)) {
      if (run === 0 || run === MAX_WORD) {
        run = 0;
        count++;
        onStart?.(i);
      }
      run++;
    } else {
      run = 0;
    }
  }
  return count;
}

export function estimateTokens(text: string): number {
  return scan(text);
}

// Sentence ends: Chinese and Latin terminators (after the whole run, and after closing quotes or
// brackets that belong to the sentence), line breaks, and a full stop followed by whitespace.
const CLOSERS = '”’"」』）)';
const SENTENCE_BREAK = new RegExp(
  `(?<=[。！？!?；;…][${CLOSERS}]*)(?![${CLOSERS}。！？!?；;…])|(?<=\\n)|(?<=\\.)(?=\\s)`,
  "u",
);

/** Splits after each sentence end; the pieces concatenate back to exactly `text`. */
export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_BREAK).filter((s) => s.length > 0);
}

/** Cuts `text` at token starts so that no piece has more than `max` tokens; lossless like above. */
export function splitByTokens(text: string, max: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let count = 0;
  scan(text, (index) => {
    if (count === max) {
      pieces.push(text.slice(start, index));
      start = index;
      count = 0;
    }
    count++;
  });
  pieces.push(text.slice(start));
  return pieces.filter((p) => p.length > 0);
}
