import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../errors";
import { makeDocx, makeZip } from "./__fixtures__/build-files";
import { makePdf } from "./__fixtures__/build-pdf";
import { MAX_DOCUMENT_BYTES, NO_TEXT_MESSAGE, parseDocument, UNSUPPORTED_MESSAGE } from "./parse-document";

// Every bad upload must end as an AppError with a message for the user — never an uncaught parser
// exception or a hang.

async function failure(fileName: string, bytes: Buffer, opts?: Parameters<typeof parseDocument>[2]) {
  const error = await parseDocument(fileName, bytes, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const docx = () => makeDocx(["# 标题", "正文。"]);
const xlsxBomb = (entries: Parameters<typeof makeZip>[0]) =>
  makeZip([
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "xl/workbook.xml", data: "<workbook/>" },
    ...entries,
  ]);

describe("parseDocument — refused uploads", () => {
  it("refuses empty and oversized files", async () => {
    expect(await failure("a.txt", Buffer.alloc(0))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The file is empty",
    });
    const big = await failure("a.txt", Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61));
    expect(big).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "The file is larger than 20 MB" });
  });

  it("refuses unknown types", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expect((await failure("photo.png", png)).message).toBe(UNSUPPORTED_MESSAGE);
    expect((await failure("notes", Buffer.from("plain text"))).message).toBe(UNSUPPORTED_MESSAGE);
    const pptx = makeZip([{ name: "ppt/presentation.xml", data: "<p/>" }]);
    expect((await failure("deck.pptx", pptx)).message).toBe(UNSUPPORTED_MESSAGE);
  });

  it("refuses content that contradicts the extension", async () => {
    const cases: [string, Buffer][] = [
      ["report.docx", makePdf([["x"]])],
      ["report.pdf", docx()],
      ["sheet.xlsx", docx()],
      ["notes.txt", makePdf([["x"]])],
      ["page.html", docx()],
      ["data.csv", Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41])],
      ["fake.pdf", Buffer.from("just text")],
    ];
    for (const [name, bytes] of cases) {
      const ext = name.split(".").pop();
      expect((await failure(name, bytes)).message).toBe(
        `The file's content does not match its .${ext} extension`,
      );
    }
  });

  it("explains password-protected or legacy Office files", async () => {
    const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    expect((await failure("secret.docx", ole)).message).toMatch(
      /password-protected or in the old Word 97–2003/,
    );
  });

  it("refuses a corrupt, a password-protected and a scanned (text-less) PDF", async () => {
    const corrupt = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref");
    expect((await failure("broken.pdf", corrupt)).message).toMatch(/^The PDF could not be read: /);
    const locked = await failure("locked.pdf", makePdf([["机密"]], { encrypted: true }));
    expect(locked.message).toBe("The PDF could not be read: the PDF is password-protected");
    expect((await failure("scan.pdf", makePdf([[], []]))).message).toBe(NO_TEXT_MESSAGE);
  });

  it("caps the page count and the time spent", async () => {
    const pdf = makePdf([["一"], ["二"], ["三"]]);
    expect((await failure("long.pdf", pdf, { maxPages: 2 })).message).toBe(
      "The PDF has 3 pages; at most 2 can be imported",
    );
    // 200 pages take pdf.js far longer than 5 ms (every page is a round trip through its worker port).
    const long = makePdf(Array.from({ length: 200 }, (_, i) => [`第 ${i + 1} 页`]));
    expect((await failure("slow.pdf", long, { timeoutMs: 5 })).message).toBe(
      "The file took too long to read (over 5 ms)",
    );
  });

  it("refuses a truncated or malformed DOCX", async () => {
    const full = docx();
    const truncated = await failure("cut.docx", full.subarray(0, Math.floor(full.length / 2)));
    expect(truncated.message).toMatch(/^The DOCX file cannot be read: .*truncated or corrupt/);
    const badXml = makeZip([
      { name: "word/document.xml", data: "<w:document><w:body><unclosed" },
      { name: "_rels/.rels", data: "<Relationships/>" },
    ]);
    expect((await failure("bad.docx", badXml)).message).toMatch(/^The DOCX file could not be read: /);
  });

  it("refuses zip bombs: declared size, lying headers, too many entries", async () => {
    const declared = xlsxBomb([
      { name: "xl/worksheets/sheet1.xml", data: "<x/>", declaredSize: 250 * 1024 * 1024 },
    ]);
    expect((await failure("bomb.xlsx", declared)).message).toMatch(/inflates to more than the allowed size/);
    const lying = xlsxBomb([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(5_000_000), declaredSize: 1000 },
    ]);
    expect((await failure("bomb.xlsx", lying)).message).toMatch(/inflates to more than it declares/);
    const many = xlsxBomb(Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/f${i}.xml`, data: "" })));
    expect((await failure("many.xlsx", many)).message).toMatch(/too many files in the archive/);
  });

  it("refuses a damaged XLSX that passes the ZIP checks", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addRow(["a"]);
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await parseDocument("ok.xlsx", real)).format).toBe("xlsx");
    const broken = xlsxBomb([{ name: "xl/worksheets/sheet1.xml", data: "<worksheet><sheetData><row" }]);
    expect((await failure("broken.xlsx", broken)).code).toBe("BAD_REQUEST");
  });

  it("refuses text files with nothing in them", async () => {
    expect((await failure("blank.txt", Buffer.from(" \n\u3000\n\t"))).message).toBe(NO_TEXT_MESSAGE);
    expect((await failure("chrome.html", Buffer.from("<nav>menu</nav><script>x()</script>"))).message).toBe(
      NO_TEXT_MESSAGE,
    );
  });
});
