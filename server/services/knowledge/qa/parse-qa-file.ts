import { AppError } from "../../../errors";
import { type TQaRow, ZQaRow } from "./qa-schemas";
import { readTable } from "./read-table";

// A Q&A spreadsheet: a header row naming the columns (问题/答案 and optional 主题/分类/编号, or
// question/answer/topic/category/id in any case), then one pair per row. Rows are validated one by
// one; bad rows are reported with their spreadsheet row number and the reason, good rows imported.

export const MAX_QA_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_QA_ROWS = 20_000;

const HEADER_ALIASES: Record<keyof TQaRow, string[]> = {
  question: ["问题", "问", "标准问题", "question", "q"],
  answer: ["答案", "答", "回答", "答复", "answer", "a"],
  topic: ["主题", "topic"],
  category: ["分类", "类别", "category"],
  externalId: ["编号", "id", "externalid", "external_id"],
};

export type TParsedQaFile = {
  format: "csv" | "xlsx";
  total: number;
  rows: { row: number; data: TQaRow }[];
  rejected: { row: number; reason: string }[];
};

function columnMap(header: string[]): Partial<Record<keyof TQaRow, number>> {
  const map: Partial<Record<keyof TQaRow, number>> = {};
  header.forEach((h, i) => {
    const key = h.normalize("NFKC").trim().toLowerCase();
    for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [keyof TQaRow, string[]][]) {
      if (map[field] === undefined && aliases.includes(key)) map[field] = i;
    }
  });
  return map;
}

export async function parseQaFile(fileName: string, bytes: Buffer): Promise<TParsedQaFile> {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "The file is empty", "file");
  if (bytes.length > MAX_QA_FILE_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is larger than ${MAX_QA_FILE_BYTES / 1024 / 1024} MB`,
      "file",
    );
  }
  const table = await readTable(fileName, bytes);
  const headerIndex = table.rows.findIndex((r) => r.some((c) => c.trim()));
  if (headerIndex < 0) throw new AppError("BAD_REQUEST", "The file has no rows", "file");
  const cols = columnMap(table.rows[headerIndex]);
  if (cols.question === undefined || cols.answer === undefined) {
    throw new AppError(
      "BAD_REQUEST",
      "The file needs 问题 and 答案 columns (or question and answer) in its first row",
      "file",
    );
  }
  const body = table.rows.slice(headerIndex + 1);
  if (body.length > MAX_QA_ROWS)
    throw new AppError("BAD_REQUEST", `At most ${MAX_QA_ROWS} rows can be imported at once`, "file");

  const result: TParsedQaFile = { format: table.format, total: 0, rows: [], rejected: [] };
  body.forEach((cells, i) => {
    if (!cells.some((c) => c.trim())) return; // blank lines are not rows
    const row = headerIndex + i + 2; // 1-based, as the spreadsheet shows it
    result.total++;
    const pick = (f: keyof TQaRow) => {
      const idx = cols[f];
      const v = idx === undefined ? undefined : cells[idx]?.trim();
      return v ? v : undefined;
    };
    const parsed = ZQaRow.safeParse({
      question: pick("question") ?? "",
      answer: pick("answer") ?? "",
      topic: pick("topic"),
      category: pick("category"),
      externalId: pick("externalId"),
    });
    if (parsed.success) result.rows.push({ row, data: parsed.data });
    else result.rejected.push({ row, reason: parsed.error.issues[0]?.message ?? "Invalid row" });
  });
  return result;
}
