import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeDocx } from "./__fixtures__/build-files";
import { makePdf } from "./__fixtures__/build-pdf";
import { parseDocument } from "./parse-document";

const utf8 = (s: string) => Buffer.from(s, "utf8");
const gb18030 = (s: string) => {
  // Node has no GB18030 encoder: invert the decoder over the two-byte codes (all common Chinese).
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
  }
  return Buffer.from([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
};

describe("parseDocument — PDF", () => {
  it("reads text per page, with page count, title and Chinese text", async () => {
    const pdf = makePdf([["安装指南", "请先断开电源。"], ["Page two: reset the router."]], {
      title: "产品手册",
    });
    const doc = await parseDocument("manual.pdf", pdf);
    expect(doc).toMatchObject({ format: "pdf", title: "产品手册", pages: 2 });
    expect(doc.sections).toEqual([
      { heading: null, level: 0, text: "安装指南\n请先断开电源。" },
      { heading: null, level: 0, text: "Page two: reset the router." },
    ]);
  });

  it("counts pages without text but keeps only pages that have some", async () => {
    const doc = await parseDocument("x.pdf", makePdf([["第一页"], [], ["第三页"]]));
    expect(doc.pages).toBe(3);
    expect(doc.sections.map((s) => s.text)).toEqual(["第一页", "第三页"]);
  });

  it("is recognised by content when the name has no extension", async () => {
    expect((await parseDocument("download", makePdf([["hello"]]))).format).toBe("pdf");
    expect((await parseDocument("REPORT.PDF", makePdf([["hello"]]))).format).toBe("pdf");
    const junk = Buffer.concat([Buffer.from("junk\n"), makePdf([["hello"]])]);
    expect((await parseDocument("junk.pdf", junk)).sections[0].text).toBe("hello");
    expect((await parseDocument("note.txt", Buffer.from("header is %PDF-1.7"))).format).toBe("txt");
  });
});

describe("parseDocument — DOCX", () => {
  it("turns Heading styles into sections and tables into 'cell | cell' lines", async () => {
    const docx = makeDocx([
      "# 安装指南",
      "本指南介绍安装步骤。",
      "## 电气要求",
      "电压：220V。",
      "| 型号 | 功率 |",
      "| A1 | 100W |",
      "## 机械要求",
      "Mount it on a flat wall.",
    ]);
    const doc = await parseDocument("guide.docx", docx);
    expect(doc).toMatchObject({ format: "docx", title: "安装指南", pages: null });
    expect(doc.sections).toEqual([
      { heading: "安装指南", level: 1, text: "本指南介绍安装步骤。" },
      { heading: "电气要求", level: 2, text: "电压：220V。\n\n型号 | 功率\nA1 | 100W" },
      { heading: "机械要求", level: 2, text: "Mount it on a flat wall." },
    ]);
  });
});

describe("parseDocument — spreadsheets", () => {
  it("reads every sheet as a section of 'header: value' rows", async () => {
    const wb = new ExcelJS.Workbook();
    const faq = wb.addWorksheet("常见问题");
    faq.addRows([
      ["问题", "答案", "备注"],
      ["如何退货？", "七天内无理由退货。", ""],
      ["", "", ""],
      ["运费谁付？", "质量问题由商家承担。", "仅限国内"],
    ]);
    wb.addWorksheet("Empty");
    const dates = wb.addWorksheet("Dates");
    dates.addRows([
      ["Event", "Date"],
      ["Launch", new Date(Date.UTC(2024, 0, 15))],
    ]);
    const doc = await parseDocument("faq.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(doc.format).toBe("xlsx");
    expect(doc.sections).toEqual([
      {
        heading: "常见问题",
        level: 1,
        text: "问题: 如何退货？; 答案: 七天内无理由退货。\n问题: 运费谁付？; 答案: 质量问题由商家承担。; 备注: 仅限国内",
      },
      { heading: "Dates", level: 1, text: "Event: Launch; Date: 2024-01-15" },
    ]);
  });

  it("reads CSV (UTF-8 with BOM, quoted commas) as one section", async () => {
    const csv = '\uFEFFname,answer\n"Smith, J","Call us, any time"\n';
    const doc = await parseDocument("a.csv", utf8(csv));
    expect(doc).toMatchObject({ format: "csv", title: null, pages: null });
    expect(doc.sections).toEqual([
      { heading: null, level: 0, text: "name: Smith, J; answer: Call us, any time" },
    ]);
  });

  it("decodes GB18030 CSV (Excel in China)", async () => {
    const doc = await parseDocument("b.csv", gb18030("问题,答案\n怎么开发票,在订单页申请\n"));
    expect(doc.sections[0].text).toBe("问题: 怎么开发票; 答案: 在订单页申请");
  });
});

describe("parseDocument — Markdown and text", () => {
  it("splits Markdown at # headings, not at # inside code blocks", async () => {
    const md = [
      "---",
      "title: 用户手册",
      "---",
      "前言文字。",
      "# 安装",
      "步骤一。",
      "```",
      "# not a heading",
      "```",
      "## 电气要求",
      "220V ![接线图](wiring.png)",
      "",
      "Setext Heading",
      "--------------",
      "body",
    ].join("\n");
    const doc = await parseDocument("guide.md", utf8(md));
    expect(doc).toMatchObject({ format: "markdown", title: "用户手册" });
    expect(doc.sections).toEqual([
      { heading: null, level: 0, text: "前言文字。" },
      { heading: "安装", level: 1, text: "步骤一。\n```\n# not a heading\n```" },
      { heading: "电气要求", level: 2, text: "220V 接线图" },
      { heading: "Setext Heading", level: 2, text: "body" },
    ]);
  });

  it("keeps plain text as one section of paragraphs, normalised", async () => {
    const txt = "\uFEFF第一段   有  空格。\r\n第二行\r\n\r\n\r\n\r\nCafe\u0301\u3000menu\u200b.";
    const doc = await parseDocument("notes.txt", utf8(txt));
    expect(doc.sections).toEqual([
      { heading: null, level: 0, text: "第一段 有 空格。\n第二行\n\nCafé menu." },
    ]);
  });

  it("decodes GB18030 text and finds obvious Chinese headings", async () => {
    const txt =
      "第一章 总则\n本规定适用于全部门店。\n\n第一节 适用范围\n线上与线下订单。\n\n第二章 退货\n七天无理由。";
    const doc = await parseDocument("规定.txt", gb18030(txt));
    expect(doc.sections).toEqual([
      { heading: "第一章 总则", level: 1, text: "本规定适用于全部门店。" },
      { heading: "第一节 适用范围", level: 2, text: "线上与线下订单。" },
      { heading: "第二章 退货", level: 1, text: "七天无理由。" },
    ]);
  });

  it("does not mistake a numbered list for headings", async () => {
    const doc = await parseDocument(
      "steps.txt",
      utf8("步骤：\n\n1. 打开电源\n\n2. 按下按钮\n\n3. 等待指示灯"),
    );
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0].heading).toBeNull();
  });
});

describe("parseDocument — HTML", () => {
  it("drops scripts and page chrome, decodes entities, keeps headings, lists and tables", async () => {
    const html = `<!doctype html><html><head><title>帮助中心 &amp; FAQ</title><style>p{color:red}</style>
      <script>alert("x")</script></head><body><nav><a href="/">首页</a></nav>
      <h1>退货政策</h1><p>七天&nbsp;无理由&lt;退货&gt;。</p>
      <h2>流程</h2><ol><li>提交申请</li><li>寄回商品</li></ol><ul><li>保留包装</li></ul>
      <table><tr><th>类型</th><th>时限</th></tr><tr><td>质量问题</td><td>15 天</td></tr></table>
      <footer>© 2024 Kefu</footer><script>document.write("bad")</script></body></html>`;
    const doc = await parseDocument("help.html", utf8(html));
    expect(doc).toMatchObject({ format: "html", title: "帮助中心 & FAQ" });
    expect(doc.sections).toEqual([
      { heading: "退货政策", level: 1, text: "七天 无理由<退货>。" },
      {
        heading: "流程",
        level: 2,
        text: "1. 提交申请\n2. 寄回商品\n\n- 保留包装\n\n类型 | 时限\n质量问题 | 15 天",
      },
    ]);
  });
});
