import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../../../errors";
import { type TDocumentSection, type TParsedDocument } from "./document-types";
import { decodeText, normalizeText } from "./text-utils";

// Spreadsheets as prose the retriever can match: the first non-empty row is the header, and each
// later row becomes "header: value; header: value" so every chunk carries the column meanings.

function rowsToText(rows: string[][]): string {
  const clean = rows.map((r) => r.map((c) => normalizeText(c).replace(/\n+/g, " ")));
  const headerAt = clean.findIndex((r) => r.some(Boolean));
  if (headerAt < 0) return "";
  const header = clean[headerAt];
  const lines: string[] = [];
  const body = clean.slice(headerAt + 1);
  // A sheet that is only one row is a list of values, not a table.
  if (!body.some((r) => r.some(Boolean))) return header.filter(Boolean).join(" | ");
  for (const row of body) {
    const parts: string[] = [];
    row.forEach((value, i) => {
      if (!value) return;
      parts.push(header[i] ? `${header[i]}: ${value}` : value);
    });
    if (parts.length) lines.push(parts.join("; "));
  }
  return lines.join("\n");
}

export function parseCsv(bytes: Buffer): TParsedDocument {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: "greedy" });
  if (parsed.errors.some((e) => e.type === "Quotes")) {
    const err = parsed.errors[0];
    throw new AppError(
      "BAD_REQUEST",
      `The CSV file is malformed (row ${(err.row ?? 0) + 1}: ${err.message})`,
    );
  }
  const text = rowsToText(parsed.data.map((r) => r.map((c) => String(c ?? ""))));
  return { format: "csv", title: null, pages: null, sections: [{ heading: null, level: 0, text }] };
}

function cellText(cell: ExcelJS.Cell): string {
  // cell.text renders dates with Date#toString ("Mon Jan 01 2024 08:00:00 GMT+0800 …").
  if (cell.value instanceof Date) {
    const iso = cell.value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
  }
  return cell.text ?? "";
}

export async function parseXlsx(bytes: Buffer): Promise<TParsedDocument> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : "unknown error";
    throw new AppError("BAD_REQUEST", `The XLSX file could not be read: ${reason}`);
  }
  const sections: TDocumentSection[] = [];
  for (const sheet of wb.worksheets) {
    if (sheet.state === "veryHidden") continue; // only reachable from macros, never meant for readers
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      rows.push(Array.from(cells, (c) => c ?? ""));
    });
    const text = rowsToText(rows);
    if (text) sections.push({ heading: normalizeText(sheet.name) || null, level: 1, text });
  }
  const title = normalizeText(wb.title ?? "");
  return { format: "xlsx", title: title || null, pages: null, sections };
}
