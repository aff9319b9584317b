import mammoth from "mammoth";
import { AppError } from "../../../errors";
import { type TParsedDocument } from "./document-types";
import { parseHtmlSections } from "./parse-html";

// DOCX via mammoth's HTML output: it maps Word's Heading 1–6 styles to <h1>–<h6> and keeps lists and
// tables, which the HTML walker turns into sections, "- item" lines and "cell | cell" rows.

// Images are dropped without being read: mammoth would otherwise inline each one as base64.
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function parseDocx(bytes: Buffer): Promise<TParsedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: noImages });
    html = result.value;
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : "unknown error";
    throw new AppError("BAD_REQUEST", `The DOCX file could not be read: ${reason}`);
  }
  const { sections } = parseHtmlSections(html);
  // Word keeps the title in docProps, which mammoth does not expose; the first top heading is
  // what a reader would call the title.
  const first = sections.find((s) => s.heading && s.level === 1);
  return { format: "docx", title: first?.heading ?? null, pages: null, sections };
}
