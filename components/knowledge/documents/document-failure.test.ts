import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/en.json";
import zh from "@/server/i18n/messages/zh-CN.json";
import { parseDocument } from "@/server/services/knowledge/documents/parse-document";
import { documentProblem } from "./document-failure";

// The documents page translates the document service's English sentences; these are produced by the
// service itself, so a reworded server message fails here instead of silently showing English.

async function refusal(fileName: string, bytes: Buffer): Promise<string> {
  try {
    await parseDocument(fileName, bytes);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${fileName} was accepted`);
}

describe("document failure sentences", () => {
  it("maps what the parser says to a known reason", async () => {
    expect(documentProblem(await refusal("a.txt", Buffer.alloc(0)))?.key).toBe("empty");
    expect(documentProblem(await refusal("a.txt", Buffer.from("  \n \n")))?.key).toBe("noText");
    expect(documentProblem(await refusal("a.exe", Buffer.from("MZ\x90\x00")))?.key).toBe("unsupported");
    const mismatch = documentProblem(await refusal("a.pdf", Buffer.from("just text, not a PDF")));
    expect(mismatch).toEqual({ key: "mismatch", a: "pdf", b: "" });
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]);
    expect(documentProblem(await refusal("a.docx", ole))?.key).toBe("protectedOrOld");
  });

  it("keeps the figures of size, page and time limits", () => {
    expect(documentProblem("The file is larger than 20 MB")).toEqual({ key: "tooLarge", a: "20", b: "" });
    expect(documentProblem("The PDF has 900 pages; at most 500 can be imported")).toEqual({
      key: "tooManyPages",
      a: "900",
      b: "500",
    });
    expect(documentProblem("The file took too long to read (over 60 s)")?.a).toBe("60 s");
    expect(documentProblem("The document could not be processed")?.key).toBe("failed");
  });

  it("leaves unknown sentences to the general text with the detail", () => {
    expect(documentProblem("The CSV file is malformed (row 3: Unclosed quote)")).toBeNull();
  });

  it("has every reason in both languages", () => {
    const keys = [
      "empty",
      "tooLarge",
      "timeout",
      "noText",
      "unsupported",
      "mismatch",
      "protectedOrOld",
      "tooManyPages",
      "failed",
      "unreadable",
      "detail",
    ];
    for (const messages of [en, zh])
      expect(Object.keys(messages.knowledge.docs.failure).sort()).toEqual(keys.sort());
  });
});
