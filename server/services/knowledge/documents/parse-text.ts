import { type TDocumentSection } from "./document-types";
import { normalizeText } from "./text-utils";

// Markdown and plain text to sections. Markdown bodies are kept as Markdown (the answering model
// reads it well); only structure is interpreted. Plain text gets headings only when they are obvious.

type TLineSection = { heading: string | null; level: number; lines: string[] };

function finish(list: TLineSection[]): TDocumentSection[] {
  return list
    .map((s) => ({ heading: s.heading, level: s.level, text: normalizeText(s.lines.join("\n")) }))
    .filter((s) => s.text || s.heading);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const cleanHeading = (s: string) => normalizeText(s.replace(/[*`]+/g, "")) || null;

export function parseMarkdown(source: string): { title: string | null; sections: TDocumentSection[] } {
  let text = source.replace(/<!--[\s\S]*?-->/g, "");
  let title: string | null = null;
  // YAML front matter is metadata, not content; its title is the document's.
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/.exec(text);
  if (front) {
    const t = /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1]);
    title = t ? cleanHeading(t[1]) : null;
    text = text.slice(front[0].length);
  }
  const sections: TLineSection[] = [{ heading: null, level: 0, lines: [] }];
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const cur = sections[sections.length - 1];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      cur.lines.push(line); // headings inside code blocks are code, not structure
      continue;
    }
    if (f) fence = f[1];
    const atx = f ? null : ATX.exec(line);
    const prev = cur.lines[cur.lines.length - 1];
    const beforePrev = cur.lines[cur.lines.length - 2];
    if (atx) {
      sections.push({ heading: cleanHeading(atx[2]), level: atx[1].length, lines: [] });
    } else if (!f && SETEXT.test(line) && prev?.trim() && !beforePrev?.trim() && !/^\s*[-*+>|]/.test(prev)) {
      // "Title\n=====" (h1) or "Title\n-----" (h2) after a one-line paragraph.
      cur.lines.pop();
      sections.push({ heading: cleanHeading(prev), level: line.includes("=") ? 1 : 2, lines: [] });
    } else {
      cur.lines.push(line.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1"));
    }
  }
  const result = finish(sections);
  title ??= result.find((s) => s.level === 1)?.heading ?? null;
  return { title, sections: result };
}

// Plain-text heading styles common in Chinese and English documents. The kind decides the level:
// the first kind met becomes level 1, the next new kind level 2, and so on (as in reStructuredText).
const TXT_HEADINGS: [string, RegExp][] = [
  ["chapter", /^第[一二三四五六七八九十百零〇\d]+[章篇部]\s*\S/],
  ["section", /^第[一二三四五六七八九十百零〇\d]+节\s*\S/],
  ["cn-num", /^[一二三四五六七八九十]+[、.．]\s*\S/],
  ["cn-paren", /^[（(][一二三四五六七八九十]+[）)]\s*\S/],
  ["md", /^#{1,6}\s+\S/],
  ["num", /^\d{1,2}(?:[.．]\d{1,2})*[、.．]?\s*[^\d\s.．、]/],
];

function headingKind(line: string): string | null {
  if (line.length > 50 || /[。．.，,；;：:！!？?、]$/.test(line)) return null;
  for (const [kind, re] of TXT_HEADINGS) {
    if (!re.test(line)) continue;
    if (kind === "md") return `md-${/^#+/.exec(line)![0].length}`;
    if (kind === "num")
      return `num-${
        /^[\d.．]+/
          .exec(line)![0]
          .replace(/[.．]$/, "")
          .split(/[.．]/).length
      }`;
    return kind;
  }
  return null;
}

export function parsePlainText(source: string): TDocumentSection[] {
  const lines = normalizeText(source).split("\n");
  // A heading opens its paragraph, and is not one of a run of same-styled lines (a list or a TOC).
  const nextText = (i: number) => {
    let j = i + 1;
    while (j < lines.length && !lines[j].trim()) j++;
    return lines[j] ?? "";
  };
  const kinds = lines.map((line, i) => {
    if (i > 0 && lines[i - 1].trim()) return null;
    const kind = headingKind(line);
    return kind && headingKind(nextText(i)) !== kind && nextText(i) ? kind : null;
  });
  if (kinds.filter(Boolean).length < 2) {
    return finish([{ heading: null, level: 0, lines }]);
  }
  const levels = new Map<string, number>();
  const sections: TLineSection[] = [{ heading: null, level: 0, lines: [] }];
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (!kind) {
      sections[sections.length - 1].lines.push(line);
      return;
    }
    if (!levels.has(kind)) levels.set(kind, Math.min(6, levels.size + 1));
    const heading = kind.startsWith("md-") ? line.replace(/^#+\s*/, "") : line;
    sections.push({ heading, level: levels.get(kind)!, lines: [] });
  });
  return finish(sections);
}
