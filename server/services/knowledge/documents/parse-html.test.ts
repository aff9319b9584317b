import { describe, expect, it } from "vitest";
import { parseHtmlSections } from "./parse-html";

// The walker also reads mammoth's DOCX output, so structure inside tables and lists matters as much
// as tolerance of the broken HTML people upload.

const text = (html: string) => parseHtmlSections(html).sections.map((s) => [s.heading, s.level, s.text]);

describe("parseHtmlSections", () => {
  it("keeps paragraphs inside a table cell in that cell", () => {
    const html = "<table><tr><td><p>a</p><p>b</p></td><td>c</td><td></td></tr></table><p>after</p>";
    expect(text(html)).toEqual([[null, 0, "a b | c\n\nafter"]]);
  });

  it("reads nested lists and <br> as lines, <pre> with its line breaks", () => {
    expect(text("<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>")).toEqual([
      [null, 0, "- one\n- nested\n- two"],
    ]);
    expect(text("<div>inline <b>bold</b> and<br>break</div><pre>line 1\n  line 2</pre>")).toEqual([
      [null, 0, "inline bold and\nbreak\n\nline 1\nline 2"],
    ]);
  });

  it("survives unclosed headings", () => {
    expect(text("<h1>Title<p>body text")).toEqual([["Title", 1, "body text"]]);
    expect(text("<h1>A<h2>B</h2>under b")).toEqual([
      ["A", 1, ""],
      ["B", 2, "under b"],
    ]);
  });

  it("takes the page title from <head>, not from an inline SVG", () => {
    expect(parseHtmlSections("<svg><title>icon</title></svg><p>x</p>").title).toBeNull();
    expect(parseHtmlSections("<html><head><title> Help \n Centre </title></head><p>x</p>").title).toBe(
      "Help Centre",
    );
  });

  it("decodes numeric and named entities", () => {
    expect(text("<h2>  Spaced \n heading </h2>text &#x4E2D;&#25991; &copy; &lt;b&gt;")).toEqual([
      ["Spaced heading", 2, "text 中文 © <b>"],
    ]);
  });
});
