import { describe, expect, it } from "vitest";
import { chunkDocument, estimateTokens } from "./chunk-document";
import { makeDocx } from "./__fixtures__/build-files";
import { type TDocumentSection, type TParsedDocument } from "./document-types";
import { parseDocument } from "./parse-document";

const doc = (
  sections: TDocumentSection[],
  format: TParsedDocument["format"] = "markdown",
): TParsedDocument => ({
  format,
  title: null,
  pages: null,
  sections,
});
const h = (level: number, heading: string, text = ""): TDocumentSection => ({ heading, level, text });
// "第N句话内容，设备需要定期检查。" is 14 tokens: 13 CJK characters and the number.
const sentence = (n: number) => `第${n}句话内容，设备需要定期检查。`;
const sentences = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => sentence(from + i));
const bodyOf = (content: string) => content.split("\n\n").slice(1).join("\n\n");

describe("estimateTokens", () => {
  it("counts CJK characters and Latin words or numbers, not punctuation", () => {
    expect(estimateTokens("安装指南")).toBe(4);
    expect(estimateTokens("Hello, world! 2024")).toBe(3);
    expect(estimateTokens("请设置 WiFi 密码：12345678。")).toBe(7);
    expect(estimateTokens("——！？ …")).toBe(0);
    expect(estimateTokens("a".repeat(100))).toBe(5); // a blob is not one "word"
  });
});

describe("chunkDocument", () => {
  it("keeps a section that fits as one chunk that starts with its heading path", () => {
    const chunks = chunkDocument(doc([h(1, "安装指南"), h(2, "电气要求", "电压 220V，需接地。")]));
    expect(chunks).toEqual([
      {
        ordinal: 0,
        heading: "安装指南 > 电气要求",
        content: "安装指南 > 电气要求\n\n电压 220V，需接地。",
        tokenCount: 14,
      },
    ]);
  });

  it("splits a long section at sentence ends, within budget, overlapping by trailing sentences", () => {
    const text = sentences(1, 40).join("");
    const chunks = chunkDocument(doc([h(1, "维护", text)]), { maxTokens: 100, overlapTokens: 30 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const [i, c] of chunks.entries()) {
      expect(c.ordinal).toBe(i);
      expect(c.heading).toBe("维护");
      expect(c.content.startsWith("维护\n\n")).toBe(true);
      expect(c.tokenCount).toBeLessThanOrEqual(100);
      expect(c.tokenCount).toBe(estimateTokens(c.content));
      expect(bodyOf(c.content)).toMatch(/^(第\d+句话内容，设备需要定期检查。)+$/); // whole sentences only
    }
    for (let i = 1; i < chunks.length; i++) {
      const prev = bodyOf(chunks[i - 1].content).match(/第\d+句/g)!;
      const next = bodyOf(chunks[i].content).match(/第\d+句/g)!;
      // 30 tokens of overlap = the last two 14-token sentences of the previous chunk.
      expect(next.slice(0, 2)).toEqual(prev.slice(-2));
    }
    const seen = new Set(chunks.flatMap((c) => c.content.match(/第\d+句/g)!));
    expect(seen.size).toBe(40);
  });

  it("prefers paragraph boundaries over filling the budget", () => {
    const paragraphs = [sentences(1, 4).join(""), sentences(5, 8).join(""), sentences(9, 12).join("")];
    const chunks = chunkDocument(doc([h(1, "说明", paragraphs.join("\n\n"))]), {
      maxTokens: 120,
      overlapTokens: 0,
    });
    expect(chunks.map((c) => bodyOf(c.content))).toEqual([
      `${paragraphs[0]}\n\n${paragraphs[1]}`,
      paragraphs[2],
    ]);
  });

  it("hard-splits a single sentence longer than the budget", () => {
    const huge = "很".repeat(250) + "。";
    const chunks = chunkDocument(doc([{ heading: null, level: 0, text: huge }]), { maxTokens: 100 });
    expect(chunks.map((c) => c.tokenCount)).toEqual([100, 100, 50]);
    expect(chunks.map((c) => c.content).join("")).toBe(huge);
    expect(chunks[0].heading).toBeNull();
  });

  it("keeps spreadsheet rows whole even though they contain semicolons", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `问题: 第${i}个问题; 答案: 这是答案; 备注: 无`);
    const chunks = chunkDocument(doc([h(1, "FAQ", rows.join("\n"))], "xlsx"), { maxTokens: 60 });
    for (const c of chunks) {
      for (const line of bodyOf(c.content).split("\n")) expect(line).toMatch(/^问题: .*; 备注: 无$/);
    }
  });

  it("merges small sibling sections under one parent, not across top-level headings", () => {
    const chunks = chunkDocument(
      doc([
        h(1, "安装指南", "开始前请阅读。"),
        h(2, "电气要求", "220V 电源。"),
        h(2, "机械要求", "墙面平整。"),
        h(1, "售后", "保修一年。"),
        h(1, "联系我们", "拨打客服电话。"),
      ]),
    );
    expect(chunks.map(({ heading, content }) => ({ heading, content }))).toEqual([
      {
        heading: "安装指南",
        content: "安装指南\n\n开始前请阅读。\n\n电气要求\n220V 电源。\n\n机械要求\n墙面平整。",
      },
      { heading: "售后", content: "售后\n\n保修一年。" },
      { heading: "联系我们", content: "联系我们\n\n拨打客服电话。" },
    ]);
  });

  it("stops merging at the budget and keeps heading paths of deeper levels", () => {
    const sections = [
      h(1, "手册"),
      h(2, "第一章"),
      ...[1, 2, 3].map((n) => h(3, `第${n}节`, sentences(1, 3).join(""))),
    ];
    const chunks = chunkDocument(doc(sections), { maxTokens: 100 });
    expect(chunks.map((c) => c.heading)).toEqual(["手册 > 第一章", "手册 > 第一章 > 第3节"]);
    expect(chunks[0].content.startsWith("手册 > 第一章\n\n第1节\n")).toBe(true);
    expect(chunks.every((c) => c.tokenCount <= 100)).toBe(true);
  });

  it("merges short PDF pages, which share no headings", () => {
    const pages = ["第一页。", "第二页。", "第三页。"].map((text) => ({ heading: null, level: 0, text }));
    expect(chunkDocument(doc(pages, "pdf"))).toEqual([
      { ordinal: 0, heading: null, content: "第一页。\n\n第二页。\n\n第三页。", tokenCount: 9 },
    ]);
  });

  it("is deterministic and fast on a 300-page document", () => {
    const page = (p: number) =>
      Array.from(
        { length: 6 },
        (_, k) => `${sentences(p * 10, p * 10 + 8).join("")} Reset the router ${k}.`,
      ).join("\n\n");
    const big = doc(
      Array.from({ length: 300 }, (_, p) => ({ heading: null, level: 0, text: page(p) })),
      "pdf",
    );
    const started = performance.now();
    const chunks = chunkDocument(big);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(chunks.length).toBeGreaterThan(300);
    expect(chunks.every((c) => c.tokenCount <= 350)).toBe(true);
    expect(chunkDocument(big)).toEqual(chunks);
  });

  it("chunks a parsed DOCX along its headings", async () => {
    const docx = makeDocx(["# 安装指南", "## 电气要求", ...sentences(1, 30), "## 机械要求", "墙面平整。"]);
    const chunks = chunkDocument(await parseDocument("guide.docx", docx), { maxTokens: 200 });
    expect(chunks.map((c) => c.heading)).toEqual([
      "安装指南 > 电气要求",
      "安装指南 > 电气要求",
      "安装指南 > 电气要求",
      "安装指南 > 机械要求",
    ]);
    expect(chunks[3].content).toBe("安装指南 > 机械要求\n\n墙面平整。");
  });
});
