import { type TDocumentSection, type TParsedDocument } from "./document-types";
import { estimateTokens, splitByTokens, splitSentences } from "./tokens";

// Cuts a parsed document into retrieval chunks that follow its structure. Each chunk is readable on
// its own: it starts with its heading path ("安装指南 > 电气要求"), long sections are cut between
// paragraphs or sentences (never inside one unless a single sentence is over budget), consecutive
// pieces of one section share a few trailing sentences so an answer spanning the cut is still found,
// and short sibling sections are packed together so the index is not flooded with tiny chunks.

export { estimateTokens } from "./tokens";

export type TChunk = { ordinal: number; heading: string | null; content: string; tokenCount: number };
export type TChunkOptions = { maxTokens?: number; overlapTokens?: number };

type TPart = { path: string[]; body: string; tokens: number };
type TPiece = { text: string; tokens: number; paraStart: boolean; lineStart: boolean };

const SEP = " > ";

/** Each section with its heading path (the headings above it, outermost first, itself last). */
function withPaths(sections: TDocumentSection[]): TPart[] {
  const stack: { level: number; heading: string }[] = [];
  const parts: TPart[] = [];
  for (const s of sections) {
    if (s.heading) {
      const level = Math.max(1, s.level);
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      stack.push({ level, heading: s.heading.replace(/\s+/g, " ").trim() });
    }
    const body = s.text.trim();
    // Heading-only sections still shaped the stack; they have nothing to index themselves.
    if (body) parts.push({ path: stack.map((h) => h.heading), body, tokens: estimateTokens(body) });
  }
  return parts;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Same heading path (e.g. PDF pages), siblings under a real parent, or the parent's own intro. */
function mergeable(first: string[], next: string[]): boolean {
  if (same(first, next)) return true;
  const parent = next.slice(0, -1);
  if (!parent.length) return false;
  return same(parent, first) || same(parent, first.slice(0, -1));
}

function commonPrefix(paths: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; paths.every((p) => i < p.length && p[i] === paths[0][i]); i++) out.push(paths[0][i]);
  return out;
}

/** The line that opens a chunk; shortened if a very long heading would eat the body's budget. */
function headingLine(path: string[], maxTokens: number): { line: string; tokens: number } {
  let line = path.join(SEP);
  const cap = Math.max(1, Math.floor(maxTokens / 4));
  if (estimateTokens(line) > cap) line = splitByTokens(line, cap)[0].trim();
  return { line, tokens: estimateTokens(line) };
}

/**
 * A long part as paragraphs of lines of sentence pieces. Lines matter for lists and spreadsheet rows
 * ("a: 1; b: 2" holds sentence ends but is one record). Sentences over budget are cut at token starts.
 */
function toPieces(body: string, budget: number): TPiece[][][] {
  return body.split(/\n\s*\n/).map((para, n) =>
    para.split(/(?<=\n)/).map((line, l) => {
      const pieces: TPiece[] = [];
      for (const sentence of splitSentences(line)) {
        const tokens = estimateTokens(sentence);
        const texts = tokens > budget ? splitByTokens(sentence, budget) : [sentence];
        for (const text of texts) {
          const t = texts.length === 1 ? tokens : estimateTokens(text);
          const first = pieces.length === 0;
          pieces.push({ text, tokens: t, paraStart: n > 0 && l === 0 && first, lineStart: first });
        }
      }
      return pieces;
    }),
  );
}

const sum = (pieces: TPiece[]) => pieces.reduce((n, p) => n + p.tokens, 0);

function render(pieces: TPiece[]): string {
  let out = "";
  pieces.forEach((p, i) => (out += i > 0 && p.paraStart ? `\n\n${p.text.trim()}` : p.text));
  return out.trim();
}

/** Packs one oversized part into bodies of at most `budget` tokens, with sentence overlap. */
function splitPart(body: string, budget: number, overlap: number): string[] {
  const bodies: string[] = [];
  let cur: TPiece[] = [];
  let tokens = 0;
  let fresh = 0; // pieces in `cur` that are not overlap from the previous chunk
  const close = () => {
    if (fresh) bodies.push(render(cur));
    let carried = 0;
    let from = cur.length;
    while (from > 0 && carried + cur[from - 1].tokens <= overlap) carried += cur[--from].tokens;
    // Within that window, start at a line if one starts there: whole rows and list items, not the
    // tail of one ("备注: 无" alone says nothing).
    const lineFrom = cur.findIndex((p, k) => k >= from && p.lineStart);
    if (lineFrom >= 0) from = lineFrom;
    cur = fresh ? cur.slice(from) : [];
    tokens = sum(cur);
    fresh = 0;
  };
  const add = (p: TPiece) => {
    if (fresh && tokens + p.tokens > budget) close();
    // Overlap gives way to new text: drop carried sentences from the front until the piece fits.
    while (cur.length && tokens + p.tokens > budget) tokens -= cur.shift()!.tokens;
    cur.push(p);
    tokens += p.tokens;
    fresh++;
  };
  // A paragraph (or else a line) that fits in a chunk of its own is never cut: it starts the next one.
  const keepWhole = (t: number) => {
    if (fresh && t <= budget && tokens + t > budget) close();
  };
  for (const para of toPieces(body, budget)) {
    keepWhole(para.reduce((n, line) => n + sum(line), 0));
    for (const line of para) {
      keepWhole(sum(line));
      for (const p of line) add(p);
    }
  }
  if (fresh) bodies.push(render(cur));
  return bodies;
}

/** Several whole parts in one chunk: their common heading path first, then each with the rest of its path. */
function renderGroup(group: TPart[], maxTokens: number): string {
  const prefix = commonPrefix(group.map((p) => p.path));
  const blocks = group.map((p) => {
    const sub = p.path.slice(prefix.length).join(SEP);
    return sub ? `${sub}\n${p.body}` : p.body;
  });
  return [headingLine(prefix, maxTokens).line, ...blocks].filter(Boolean).join("\n\n");
}

/** estimateTokens(renderGroup(group)) without rendering: tokens never span the separators. */
function groupTokens(group: TPart[], maxTokens: number): number {
  const prefix = commonPrefix(group.map((p) => p.path));
  return group.reduce(
    (n, p) => n + p.tokens + estimateTokens(p.path.slice(prefix.length).join(SEP)),
    headingLine(prefix, maxTokens).tokens,
  );
}

export function chunkDocument(doc: TParsedDocument, opts: TChunkOptions = {}): TChunk[] {
  const maxTokens = Math.max(8, Math.floor(opts.maxTokens ?? 350));
  const overlap = Math.max(0, Math.min(Math.floor(opts.overlapTokens ?? 50), Math.floor(maxTokens / 2)));
  const chunks: Omit<TChunk, "ordinal">[] = [];
  const emit = (path: string[], content: string) => {
    chunks.push({
      heading: path.length ? path.join(SEP) : null,
      content,
      tokenCount: estimateTokens(content),
    });
  };
  const parts = withPaths(doc.sections);

  for (let i = 0; i < parts.length;) {
    const first = parts[i];
    const head = headingLine(first.path, maxTokens);
    if (head.tokens + first.tokens > maxTokens) {
      const budget = maxTokens - head.tokens;
      for (const body of splitPart(first.body, budget, Math.min(overlap, Math.floor(budget / 2)))) {
        emit(first.path, head.line ? `${head.line}\n\n${body}` : body);
      }
      i++;
      continue;
    }
    // Greedily pack following parts that fit whole and sit under the same parent heading.
    const group = [first];
    for (i++; i < parts.length && mergeable(first.path, parts[i].path); i++) {
      if (groupTokens([...group, parts[i]], maxTokens) > maxTokens) break;
      group.push(parts[i]);
    }
    emit(commonPrefix(group.map((p) => p.path)), renderGroup(group, maxTokens));
  }
  return chunks.map((c, ordinal) => ({ ordinal, ...c }));
}
