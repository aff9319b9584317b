// Decoding and minimal normalisation shared by every format. Normalisation stays minimal on purpose:
// the chunker relies on line breaks (paragraphs, table rows) and the search index does its own
// folding, so only what never carries meaning is removed.

/** UTF-8, else GB18030 (what Windows in China writes for "ANSI" text); UTF-16 only with a BOM. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes).replace(/^\uFEFF/, "");
  }
}

// Horizontal spaces: tab, NBSP (&nbsp; from HTML), the Unicode space block and the ideographic space
// (used to indent Chinese paragraphs, meaningless once the text is chunked).
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// Zero-width characters and stray BOMs survive copy-paste and break exact matching.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFC, unified line breaks, runs of spaces collapsed, lines trimmed, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The part of a file name after the last dot, lower-cased ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot >= 0 ? base.slice(dot + 1).toLowerCase() : "";
}
