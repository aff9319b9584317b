// Segmenters slow down sharply on long unbroken strings (Intl.Segmenter: 119k chars in 23 s, but
// 100 ms when split into sentences), so text is cut into sentences first, and very long sentences
// into pieces at commas or, failing that, at a fixed length.

const SENTENCE_END = /(?<=[。！？!?；;\n])/u;
const MAX_PIECE = 200;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(SENTENCE_END)) {
    const s = sentence.trim();
    if (!s) continue;
    if (s.length <= MAX_PIECE) {
      out.push(s);
      continue;
    }
    for (const clause of s.split(/(?<=[，,、])/u)) {
      for (let i = 0; i < clause.length; i += MAX_PIECE) {
        const piece = clause.slice(i, i + MAX_PIECE).trim();
        if (piece) out.push(piece);
      }
    }
  }
  return out;
}
