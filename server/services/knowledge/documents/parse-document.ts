import { AppError } from "../../../errors";
import { detectFormat } from "./detect-format";
import { type TDocumentFormat, type TParsedDocument } from "./document-types";
import { parseDocx } from "./parse-docx";
import { parseHtmlSections } from "./parse-html";
import { parsePdf } from "./parse-pdf";
import { parseCsv, parseXlsx } from "./parse-sheet";
import { parseMarkdown, parsePlainText } from "./parse-text";
import { decodeText } from "./text-utils";

// Entry point for knowledge-base uploads: checks the bytes (size, real format, ZIP bombs), runs the
// format's parser under a time limit, and returns the document as ordered sections for chunking.
// Every problem with the file is an AppError("BAD_REQUEST" | "PAYLOAD_TOO_LARGE") whose message can
// be shown to the user as is.

export type { TDocumentFormat, TDocumentSection, TParsedDocument } from "./document-types";
export { UNSUPPORTED_MESSAGE } from "./detect-format";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 2000;
export const PARSE_TIMEOUT_MS = 60_000;
export const NO_TEXT_MESSAGE =
  "No text could be extracted (scanned documents need OCR, which is not supported yet)";

export type TParseOptions = {
  /** PDFs with more pages are refused (default 2000) */
  maxPages?: number;
  /** give up after this long (default 60 s) */
  timeoutMs?: number;
};

type TSignal = { aborted: boolean };

function parseText(format: TDocumentFormat, bytes: Buffer): TParsedDocument {
  if (format === "csv") return parseCsv(bytes);
  const text = decodeText(bytes);
  if (format === "markdown") return { format, pages: null, ...parseMarkdown(text) };
  if (format === "html") {
    const { title, sections } = parseHtmlSections(text);
    const h1 = sections.find((s) => s.heading && s.level === 1)?.heading ?? null;
    return { format, title: title ?? h1, pages: null, sections };
  }
  return { format: "txt", title: null, pages: null, sections: parsePlainText(text) };
}

function run(format: TDocumentFormat, bytes: Buffer, maxPages: number, signal: TSignal) {
  if (format === "pdf") return parsePdf(bytes, maxPages, signal);
  if (format === "docx") return parseDocx(bytes);
  if (format === "xlsx") return parseXlsx(bytes);
  return Promise.resolve().then(() => parseText(format, bytes));
}

/**
 * Parsers are async, so a timer can stop waiting for them; it cannot interrupt a synchronous stretch
 * inside one, which is why the input size is capped first. The PDF parser also checks `signal`
 * between pages so an abandoned parse stops using CPU.
 */
async function withTimeout<T>(ms: number, work: (signal: TSignal) => Promise<T>): Promise<T> {
  const signal = { aborted: false };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      signal.aborted = true;
      const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
      reject(new AppError("BAD_REQUEST", `The file took too long to read (over ${limit})`));
    }, ms);
  });
  try {
    const working = work(signal);
    // A parser failing after the timeout won must not become an unhandled rejection (fatal in Node).
    working.catch(() => undefined);
    return await Promise.race([working, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function parseDocument(
  fileName: string,
  bytes: Buffer,
  opts: TParseOptions = {},
): Promise<TParsedDocument> {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "The file is empty");
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  }
  const format = detectFormat(fileName, bytes);
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  let doc: TParsedDocument;
  try {
    doc = await withTimeout(opts.timeoutMs ?? PARSE_TIMEOUT_MS, (signal) =>
      run(format, bytes, maxPages, signal),
    );
  } catch (e) {
    if (e instanceof AppError) throw e;
    // Parsers wrap their own failures; anything else is still the file's fault, not a server bug.
    const reason = e instanceof Error && e.message ? e.message : "unknown error";
    throw new AppError("BAD_REQUEST", `The file could not be read: ${reason}`);
  }
  // Heading-only sections stay: they name the subsections under them (heading paths in chunks).
  if (!doc.sections.some((s) => s.text.trim())) throw new AppError("BAD_REQUEST", NO_TEXT_MESSAGE);
  return doc;
}
