import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type TOutputs = inferRouterOutputs<AppRouter>["knowledge"]["documents"];

export type TDocument = TOutputs["list"]["items"][number];
export type TChunk = TOutputs["chunks"][number];
export type TDocumentStatus = TDocument["status"];

/** Limits of the server (parse-document.ts MAX_DOCUMENT_BYTES, edit-chunk.ts MAX_CHUNK_CHARS). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_CHUNK_CHARS = 8000;

/** The extensions detect-format.ts accepts, with the label shown as the document's type. */
export const FORMAT_LABELS: Record<string, string> = {
  pdf: "PDF",
  docx: "DOCX",
  xlsx: "XLSX",
  csv: "CSV",
  md: "Markdown",
  markdown: "Markdown",
  txt: "TXT",
  text: "TXT",
  html: "HTML",
  htm: "HTML",
  xhtml: "HTML",
};
export const ACCEPT = Object.keys(FORMAT_LABELS)
  .map((e) => `.${e}`)
  .join(",");

export function extensionOf(name: string | null): string {
  const m = /\.([^.]+)$/.exec(name ?? "");
  return m ? m[1].toLowerCase() : "";
}

export function formatLabel(fileName: string | null): string {
  return FORMAT_LABELS[extensionOf(fileName)] ?? (extensionOf(fileName).toUpperCase() || "—");
}

/** Still being worked on by the ingest job (the list polls while any document is). */
export const isBusy = (status: TDocumentStatus) => status !== "READY" && status !== "FAILED";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A chunk's text without its opening heading line: the indexer starts every chunk with its heading
 * path (possibly shortened) so it reads on its own in answers, and the chunk card shows the heading
 * above the text already. Text an editor changed so that it no longer opens with it is shown whole.
 */
export function chunkBody(heading: string | null, content: string): string {
  if (!heading) return content;
  const cut = content.indexOf("\n\n");
  const first = cut < 0 ? content : content.slice(0, cut);
  const rest = content.slice(first.length).trimStart();
  return rest && first.trim() && heading.startsWith(first.trim()) ? rest : content;
}
