import { Parser } from "htmlparser2";
import { type TDocumentSection } from "./document-types";
import { normalizeText } from "./text-utils";

// HTML (uploaded pages, and the HTML mammoth makes from DOCX) to sections. A tokenizer, not a DOM:
// nothing is executed or fetched, memory stays flat on huge pages, and entities are decoded by the
// parser. Page chrome (navigation, footers) and non-content elements are dropped; headings start
// sections; paragraphs become blocks; list items and table rows become lines ("cell | cell").

const words = (s: string) => new Set(s.split(/\s+/));
const SKIP = words(
  "script style nav footer noscript template svg math iframe object embed canvas select button head",
);
const BLOCKS = words(`p div section article main header aside blockquote pre ul ol dl table figure
  figcaption form fieldset details summary address hr`);
const LINES = new Set(["br", "li", "tr", "dt", "dd", "caption"]);
const HEADING = /^h([1-6])$/;

export type THtmlResult = { title: string | null; sections: TDocumentSection[] };

export function parseHtmlSections(html: string): THtmlResult {
  const sections: TDocumentSection[] = [];
  let current: TDocumentSection = { heading: null, level: 0, text: "" };
  let blocks: string[] = [];
  let lines: string[] = [];
  let buf = "";
  let skipDepth = 0;
  let heading: { level: number; text: string } | null = null;
  let inTitle = false;
  let inHead = false;
  let title = "";
  let cells: string[] | null = null; // the row being read, when inside a <tr>
  const lists: { ordered: boolean; n: number }[] = [];
  let pre = 0;

  const endLine = () => {
    const line = buf.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    buf = "";
  };
  const endBlock = () => {
    endLine();
    if (lines.length) blocks.push(lines.join("\n"));
    lines = [];
  };
  const endSection = () => {
    endBlock();
    current.text = normalizeText(blocks.join("\n\n"));
    if (current.text || current.heading) sections.push(current);
    blocks = [];
  };
  const closeHeading = () => {
    if (!heading) return;
    const text = normalizeText(heading.text.replace(/\s+/g, " "));
    current = { heading: text || null, level: text ? heading.level : 0, text: "" };
    heading = null;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "head") inHead = true;
        // <title> is read even inside the skipped <head>, but not an SVG's <title> (an icon's name).
        if (name === "title" && !title && (inHead || !skipDepth)) inTitle = true;
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth) return;
        // Broken HTML ("<h1>Title<p>text") never closes its heading: a block after some heading text does.
        if (heading?.text.trim() && (BLOCKS.has(name) || LINES.has(name))) closeHeading();
        const h = HEADING.exec(name);
        if (h && !cells) {
          closeHeading();
          endSection();
          heading = { level: Number(h[1]), text: "" };
        } else if (name === "td" || name === "th") {
          endLine();
        } else if (name === "tr") {
          endLine();
          cells = [];
        } else if (name === "ul" || name === "ol") {
          // A nested list continues its item's block.
          if (lists.length) endLine();
          else endBlock();
          lists.push({ ordered: name === "ol", n: 0 });
        } else if (name === "li") {
          endLine();
          const list = lists[lists.length - 1];
          if (list) buf = list.ordered ? `${++list.n}. ` : "- ";
        } else if (name === "pre") {
          endBlock();
          pre++;
        } else if (cells && (BLOCKS.has(name) || LINES.has(name))) {
          buf += " "; // paragraphs inside a cell stay in the cell
        } else if (BLOCKS.has(name)) {
          endBlock();
        } else if (LINES.has(name)) {
          endLine();
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipDepth) return;
        if (heading) heading.text += text;
        // <pre> line breaks are kept through endLine's whitespace folding as a private-use mark.
        else buf += pre ? text.replace(/\n/g, "\ue000") : text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "head") inHead = false;
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (heading && HEADING.test(name)) {
          closeHeading();
        } else if ((name === "td" || name === "th") && cells) {
          cells.push(buf.replace(/\s+/g, " ").trim());
          buf = "";
        } else if (name === "tr" && cells) {
          while (cells.length && !cells[cells.length - 1]) cells.pop();
          if (cells.length) lines.push(cells.join(" | "));
          cells = null;
        } else if (name === "ul" || name === "ol") {
          lists.pop();
          if (lists.length) endLine();
          else endBlock();
        } else if (name === "pre") {
          pre = Math.max(0, pre - 1);
          buf = buf.split("\ue000").join("\n");
          lines.push(
            ...buf
              .split("\n")
              .map((l) => l.trimEnd())
              .filter(Boolean),
          );
          buf = "";
          endBlock();
        } else if (cells && (BLOCKS.has(name) || LINES.has(name))) {
          buf += " ";
        } else if (BLOCKS.has(name)) {
          endBlock();
        } else if (LINES.has(name)) {
          endLine();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  closeHeading(); // a heading left open at the end still names the (empty) section
  endSection();
  const cleanTitle = normalizeText(title.replace(/\s+/g, " "));
  return { title: cleanTitle || null, sections };
}
