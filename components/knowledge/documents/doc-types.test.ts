import { describe, expect, it } from "vitest";
import { chunkDocument } from "@/server/services/knowledge/documents/chunk-document";
import { chunkBody } from "./doc-types";

describe("chunkBody", () => {
  it("drops the heading line the indexer puts first", () => {
    const [chunk] = chunkDocument({
      format: "markdown",
      title: null,
      pages: null,
      sections: [
        { heading: "安装指南", level: 1, text: "" },
        { heading: "电气要求", level: 2, text: "需要独立电表和 32A 空开。" },
      ],
    });
    expect(chunk.heading).toBe("安装指南 > 电气要求");
    expect(chunk.content.startsWith("安装指南 > 电气要求")).toBe(true);
    expect(chunkBody(chunk.heading, chunk.content)).toBe("需要独立电表和 32A 空开。");
  });

  it("keeps text that does not open with the heading", () => {
    expect(chunkBody("安装指南", "已改写的内容\n\n第二段")).toBe("已改写的内容\n\n第二段");
    expect(chunkBody(null, "安装指南\n\n正文")).toBe("安装指南\n\n正文");
    expect(chunkBody("安装指南", "安装指南")).toBe("安装指南"); // nothing else to show
  });
});
