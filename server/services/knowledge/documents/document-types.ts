// The shape every parser produces: the document as an ordered list of sections (a heading and the
// body text under it) so that chunking can follow the author's structure.

export type TDocumentFormat = "pdf" | "docx" | "xlsx" | "csv" | "markdown" | "txt" | "html";

export type TDocumentSection = {
  /** null for text before the first heading, PDF pages and CSV files */
  heading: string | null;
  /** 1–6 for headings (h1 = 1); 0 when there is no heading */
  level: number;
  /** paragraphs separated by a blank line; table rows and list items by a single line break */
  text: string;
};

export type TParsedDocument = {
  format: TDocumentFormat;
  title: string | null;
  /** PDF page count; null for formats without pages */
  pages: number | null;
  sections: TDocumentSection[];
};
