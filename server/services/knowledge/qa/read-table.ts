import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "../../../errors";
import { checkZip } from "./zip-guard";

// Turns an uploaded CSV or XLSX file into rows of cell strings (the first row is the header).
// CSV is read as UTF-8, or GB18030 when it is not valid UTF-8 (Excel in China saves CSV that way).

export type TTable = { format: "csv" | "xlsx"; rows: string[][] };

const MAX_XLSX_INFLATED = 100 * 1024 * 1024;

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function readCsv(bytes: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === "Quotes")) {
    throw new AppError(
      "BAD_REQUEST",
      `The CSV file is malformed (row ${(parsed.errors[0].row ?? 0) + 1}: ${parsed.errors[0].message})`,
    );
  }
  return parsed.data.map((r) => r.map((c) => String(c ?? "")));
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const zip = checkZip(bytes, MAX_XLSX_INFLATED);
  if (!zip.ok) throw new AppError("BAD_REQUEST", `This is not a usable XLSX file: ${zip.reason}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError(
      "BAD_REQUEST",
      `The XLSX file could not be read (${e instanceof Error ? e.message : "unknown error"})`,
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError("BAD_REQUEST", "The XLSX file has no worksheet");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? "";
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function readTable(fileName: string, bytes: Buffer): Promise<TTable> {
  const ext = fileName.toLowerCase().split(".").pop();
  if (ext === "csv") return { format: "csv", rows: readCsv(bytes) };
  if (ext === "xlsx") return { format: "xlsx", rows: await readXlsx(bytes) };
  throw new AppError("BAD_REQUEST", "Use a .csv or .xlsx file", "file");
}
