import { getDocumentProxy } from "unpdf";
import { AppError } from "../../../errors";
import { type TParsedDocument } from "./document-types";
import { normalizeText } from "./text-utils";

// PDF text via pdf.js (bundled by unpdf, pure JS, no canvas needed for text). A PDF has no reliable
// heading structure, so each page with text becomes one section; the chunker merges short pages.

type TTextItem = { str?: string; hasEOL?: boolean };

function reasonOf(e: unknown): string {
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return "the PDF is password-protected";
  if (name === "InvalidPDFException") return "the file is not a valid PDF (it may be damaged or truncated)";
  return e instanceof Error && e.message ? e.message : "unknown error";
}

function pageText(items: TTextItem[]): string {
  let text = "";
  for (const item of items) {
    text += item.str ?? "";
    if (item.hasEOL) text += "\n";
  }
  return normalizeText(text);
}

export async function parsePdf(
  bytes: Buffer,
  maxPages: number,
  signal: { aborted: boolean },
): Promise<TParsedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js transfers (detaches) the buffer it is given, and the caller still owns `bytes`.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false, // never compile font programs into JS functions
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
  } catch (e) {
    throw new AppError("BAD_REQUEST", `The PDF could not be read: ${reasonOf(e)}`);
  }
  try {
    if (pdf.numPages > maxPages) {
      throw new AppError(
        "BAD_REQUEST",
        `The PDF has ${pdf.numPages} pages; at most ${maxPages} can be imported`,
      );
    }
    const sections: TParsedDocument["sections"] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      // pdf.js without a worker runs on promise callbacks only, which starve timers: yield to the event
      // loop so the caller's timeout can fire, then stop spending CPU once it has.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) break;
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items as TTextItem[]);
      page.cleanup();
      if (text) sections.push({ heading: null, level: 0, text });
    }
    const meta = await pdf.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as { Title?: unknown };
    const title = typeof info.Title === "string" ? normalizeText(info.Title) : "";
    return { format: "pdf", title: title || null, pages: pdf.numPages, sections };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("BAD_REQUEST", `The PDF could not be read: ${reasonOf(e)}`);
  } finally {
    void pdf.destroy();
  }
}
