import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type AppError } from "../../../errors";
import { MAX_QA_FILE_BYTES, parseQaFile } from "./parse-qa-file";
import { checkZip } from "./zip-guard";

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("FAQ");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
}

describe("parseQaFile", () => {
  it("reads a Chinese-header CSV with quoted multi-line answers and reports bad rows", async () => {
    const csv =
      '问题,答案,主题\n退款多久到账？,"审核通过后：\n1-3 个工作日原路退回",售后\n,没有问题的答案,\n发票怎么开？,,\n\n怎么改地址？,订单发货前可在订单详情修改,订单\n';
    const r = await parseQaFile("faq.csv", Buffer.from(csv));
    expect(r.format).toBe("csv");
    expect(r.total).toBe(4);
    expect(r.rows.map((x) => x.data.question)).toEqual(["退款多久到账？", "怎么改地址？"]);
    expect(r.rows[0].data.answer).toBe("审核通过后：\n1-3 个工作日原路退回");
    expect(r.rows[0].data.topic).toBe("售后");
    // rows are numbered as a spreadsheet shows them: a quoted multi-line cell is still one row
    expect(r.rejected).toEqual([
      { row: 3, reason: "Question is empty" },
      { row: 4, reason: "Answer is empty" },
    ]);
  });

  it("accepts English headers in any case and GB18030-encoded CSV", async () => {
    const en = await parseQaFile(
      "x.csv",
      Buffer.from("Question,ANSWER,Topic,Category,ID\nHow long?,Two days,shipping,logistics,faq-9\n"),
    );
    expect(en.rows[0].data).toEqual({
      question: "How long?",
      answer: "Two days",
      topic: "shipping",
      category: "logistics",
      externalId: "faq-9",
    });
    const gbk = Buffer.from([
      ...Buffer.from("q,a\n"),
      0xc4,
      0xe3,
      0xba,
      0xc3,
      0x2c,
      0xca,
      0xc0,
      0xbd,
      0xe7,
      0x0a,
    ]); // 你好,世界
    expect((await parseQaFile("gbk.csv", gbk)).rows[0].data).toMatchObject({
      question: "你好",
      answer: "世界",
    });
  });

  it("reads XLSX with line breaks in answers", async () => {
    const bytes = await xlsx([
      ["问题", "答案", "分类"],
      ["充电桩安装需要哪些条件？", "1. 固定车位\n2. 物业同意\n3. 独立电表", "安装"],
      ["没有答案的问题", null, null],
    ]);
    const r = await parseQaFile("faq.xlsx", bytes);
    expect(r.format).toBe("xlsx");
    expect(r.rows[0].data).toMatchObject({
      question: "充电桩安装需要哪些条件？",
      answer: "1. 固定车位\n2. 物业同意\n3. 独立电表",
      category: "安装",
    });
    expect(r.rejected).toEqual([{ row: 3, reason: "Answer is empty" }]);
  });

  it("refuses empty, oversized, mistyped, header-less and corrupt files with clear errors", async () => {
    expect((await failure(parseQaFile("a.csv", Buffer.alloc(0)))).message).toBe("The file is empty");
    const big = await failure(parseQaFile("a.csv", Buffer.alloc(MAX_QA_FILE_BYTES + 1, 0x61)));
    expect(big.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await failure(parseQaFile("a.pdf", Buffer.from("%PDF-1.4")))).message).toBe(
      "Use a .csv or .xlsx file",
    );
    expect((await failure(parseQaFile("a.csv", Buffer.from("foo,bar\n1,2\n")))).message).toMatch(
      /needs 问题 and 答案 columns/,
    );
    expect((await failure(parseQaFile("a.xlsx", Buffer.from("this is not a zip")))).message).toMatch(
      /not a usable XLSX file: not a ZIP archive/,
    );
    const truncated = (
      await xlsx([
        ["问题", "答案"],
        ["q", "a"],
      ])
    ).subarray(0, 300);
    expect((await failure(parseQaFile("a.xlsx", truncated))).code).toBe("BAD_REQUEST");
  });
});

describe("checkZip", () => {
  it("refuses archives that claim to inflate beyond the limit (zip bombs)", async () => {
    const bytes = await xlsx([
      ["问题", "答案"],
      ["q", "a"],
    ]);
    expect(checkZip(bytes, 100 * 1024 * 1024)).toMatchObject({ ok: true });
    // rewrite every central-directory entry's uncompressed size to 1 GB
    const bomb = Buffer.from(bytes);
    for (let i = 0; i + 4 <= bomb.length; i++)
      if (bomb.readUInt32LE(i) === 0x02014b50) bomb.writeUInt32LE(1024 ** 3, i + 24);
    expect(checkZip(bomb, 100 * 1024 * 1024)).toEqual({
      ok: false,
      reason: "the archive inflates to more than the allowed size",
    });
  });
});
