import { AppError } from "../../../errors";
import { type TDocumentFormat } from "./document-types";
import { extensionOf } from "./text-utils";
import { isZip, readZipDirectory } from "./zip-directory";

// The format is decided by the bytes, with the extension as a claim to check: a renamed file would
// otherwise reach a parser that fails in confusing ways (or, for text formats, "succeeds" on binary
// garbage and fills the knowledge base with noise).

export const UNSUPPORTED_MESSAGE = "Unsupported file type (use PDF, DOCX, XLSX, CSV, Markdown, TXT or HTML)";

const BY_EXTENSION: Record<string, TDocumentFormat> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  csv: "csv",
  md: "markdown",
  markdown: "markdown",
  txt: "txt",
  text: "txt",
  html: "html",
  htm: "html",
  xhtml: "html",
};

const TEXT_FORMATS = new Set<TDocumentFormat>(["csv", "markdown", "txt", "html"]);

type TSniffed = "pdf" | "zip" | "ole" | "binary" | "text";

function sniff(bytes: Buffer): TSniffed {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (isZip(bytes)) return "zip";
  // OLE compound file: legacy .doc/.xls, and also how Office stores password-protected DOCX/XLSX.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    return "ole";
  }
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0) ? "binary" : "text";
}

const mismatch = (ext: string) =>
  new AppError("BAD_REQUEST", `The file's content does not match its .${ext} extension`);

/** Which OOXML format a ZIP holds, after the bomb checks; throws BAD_REQUEST for unusable archives. */
function zipFormat(bytes: Buffer, label: string): TDocumentFormat | null {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new AppError("BAD_REQUEST", `The ${label} file cannot be read: ${dir.reason}`);
  if (dir.names.includes("word/document.xml")) return "docx";
  if (dir.names.includes("xl/workbook.xml")) return "xlsx";
  return null;
}

export function detectFormat(fileName: string, bytes: Buffer): TDocumentFormat {
  const ext = extensionOf(fileName);
  const claimed = BY_EXTENSION[ext] as TDocumentFormat | undefined;
  const content = sniff(bytes);

  if (!claimed) {
    // No usable extension: only formats that identify themselves are accepted.
    if (content === "pdf") return "pdf";
    const fromZip = content === "zip" ? zipFormat(bytes, "uploaded") : null;
    if (fromZip) return fromZip;
    throw new AppError("BAD_REQUEST", UNSUPPORTED_MESSAGE);
  }
  if (claimed === "pdf") {
    // Readers accept a header after some junk in the first 1 KB; so does this check, for .pdf files
    // only (a text file that merely mentions "%PDF-" stays text).
    if (content !== "pdf" && !bytes.subarray(0, 1024).includes("%PDF-")) throw mismatch(ext);
    return "pdf";
  }
  if (claimed === "docx" || claimed === "xlsx") {
    if (content === "ole") {
      const app = claimed === "docx" ? "Word" : "Excel";
      throw new AppError(
        "BAD_REQUEST",
        `The .${ext} file is password-protected or in the old ${app} 97–2003 format; ` +
          `save it as an unprotected .${ext} file and upload it again`,
      );
    }
    if (content !== "zip") throw mismatch(ext);
    if (zipFormat(bytes, claimed.toUpperCase()) !== claimed) throw mismatch(ext);
    return claimed;
  }
  if (TEXT_FORMATS.has(claimed) && content === "text") return claimed;
  throw mismatch(ext);
}
