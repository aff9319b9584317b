import { describe, expect, it } from "vitest";
import { parseTerms } from "./parse-terms";

describe("parseTerms", () => {
  it("splits on lines and ASCII or Chinese commas, trims and drops duplicates", () => {
    expect(parseTerms("充电桩\n7kW, 快充，充电桩、慢充;\n\n")).toEqual({
      terms: ["充电桩", "7kW", "快充", "慢充"],
      problems: [],
    });
  });

  it("reports words with spaces, words that are too long, and too many words", () => {
    expect(parseTerms("有 空格\n" + "长".repeat(41)).problems).toEqual([
      { kind: "space", term: "有 空格" },
      { kind: "tooLong", term: "长".repeat(41) },
    ]);
    expect(parseTerms("a,b,c", 2).problems).toEqual([{ kind: "tooMany", max: 2 }]);
  });

  it("normalises full-width forms as the server does", () => {
    expect(parseTerms("ＫＦ桩").terms).toEqual(["KF桩"]);
  });
});
