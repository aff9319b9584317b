import { describe, expect, it } from "vitest";
import { findWord, maskWords, normalView, normalizeWords, stripMentions } from "./text-match";

describe("normalView", () => {
  it("maps every normalised character back to the original", () => {
    const view = normalView("ＡＢ  傻瓜");
    expect(view.normal).toBe("ab 傻瓜");
    expect(view.from.map((s) => s.start)).toEqual([0, 1, 2, 4, 5]);
  });

  it("keeps surrogate pairs together", () => {
    const view = normalView("😀骗子");
    expect(view.from[view.normal.indexOf("骗")]).toEqual({ start: 2, end: 3 });
  });
});

describe("findWord", () => {
  it.each([
    ["class ass", "ass", [6]],
    ["classy", "ass", []],
    ["two agents here", "agent", [4]],
    ["agentx", "agent", []],
    ["人工智能", "人工", [0]],
    ["ab12", "ab", []],
  ] as const)("%s / %s", (normal, word, hits) => {
    expect(findWord(normal, word)).toEqual(hits);
  });
});

describe("maskWords", () => {
  const words = normalizeWords(["傻瓜", "骗子", "damn"]);

  it.each([
    ["你们就是骗子", "你们就是***"],
    ["你們就是騙子！", "你們就是***！"], // traditional input, original characters kept elsewhere
    ["傻瓜傻瓜", "******"],
    ["Damn it, ＤＡＭＮ", "*** it, ***"],
    ["damnation is fine", "damnation is fine"],
    ["一切正常", "一切正常"],
  ])("%s → %s", (text, masked) => {
    expect(maskWords(text, words).text).toBe(masked);
  });

  it("reports what it masked", () => {
    expect(maskWords("骗子和傻瓜", words).matched.sort()).toEqual(["傻瓜", "骗子"].sort());
    expect(maskWords("你好", words).matched).toEqual([]);
  });

  it("merges overlapping words into one mask", () => {
    expect(maskWords("大骗子们", normalizeWords(["大骗子", "骗子们"])).text).toBe("***");
  });
});

describe("stripMentions / normalizeWords", () => {
  it("removes WeChat mentions and normalises configured words", () => {
    expect(stripMentions("@小助手\u2005请问发货了吗")).toBe(" 请问发货了吗");
    expect(stripMentions("邮箱 a@b.com")).toBe("邮箱 a@b.com");
    expect(normalizeWords(["轉人工", " Human ", "转人工", ""])).toEqual(["转人工", "human"]);
  });
});
