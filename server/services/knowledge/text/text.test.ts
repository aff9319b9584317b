import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize";
import { splitSentences } from "./sentences";
import { applyDictionary, cjkBigrams, extractCodes, segmentWords } from "./tokenize";

describe("normalizeText", () => {
  it("folds full-width forms, traditional characters, case and spaces", () => {
    expect(normalizeText("ＫＦ－７Ａ　請問退貨運費誰出？")).toBe("kf-7a 请问退货运费谁出?");
    expect(normalizeText("  Order   AB12345678 ")).toBe("order ab12345678");
  });
});

describe("splitSentences", () => {
  it("cuts at sentence ends and keeps pieces short", () => {
    expect(splitSentences("你好。请问发货了吗？谢谢")).toEqual(["你好。", "请问发货了吗？", "谢谢"]);
    const long = "很".repeat(1000);
    const pieces = splitSentences(long);
    expect(pieces.every((p) => p.length <= 200)).toBe(true);
    expect(pieces.join("")).toBe(long);
  });

  it("stays fast on long text", () => {
    const text = "充电桩安装需要多长时间，物业不同意怎么办。".repeat(5000); // 105k characters
    const t0 = performance.now();
    const words = segmentWords(text);
    expect(words.length).toBeGreaterThan(10_000);
    expect(performance.now() - t0).toBeLessThan(5_000); // generous: guards against quadratic blow-up
  });
});

describe("segmentWords", () => {
  it("keeps customer-service compounds and codes whole and drops punctuation", () => {
    const words = segmentWords(normalizeText("充电桩安装需要多长时间？订单AB12345678发货了吗"));
    expect(words).toEqual(expect.arrayContaining(["充电桩", "安装", "订单", "ab12345678", "发货"]));
    expect(words).not.toContain("？");
    expect(segmentWords("家用7kw和11kw有什么区别")).toEqual(expect.arrayContaining(["7kw", "11kw"]));
  });
});

describe("extractCodes", () => {
  it("finds order numbers, models and capacities", () => {
    expect(extractCodes(normalizeText("订单DD20241105123的KF-7A，功率7kW，不是abc"))).toEqual([
      "dd20241105123",
      "kf-7a",
      "7kw",
    ]);
  });
});

describe("cjkBigrams", () => {
  it("covers compounds however they were segmented", () => {
    expect(cjkBigrams("充电桩")).toEqual(["充电", "电桩"]);
    expect(cjkBigrams("桩 a 好")).toEqual(["桩", "好"]);
  });
});

describe("applyDictionary", () => {
  it("merges adjacent words into the longest tenant term", () => {
    const dict = new Set(["小鹏充电", "小鹏充电宝盒"]);
    expect(applyDictionary(["小鹏", "充电", "宝盒", "坏", "了"], dict)).toEqual(["小鹏充电宝盒", "坏", "了"]);
    expect(applyDictionary(["小鹏", "充电"], dict)).toEqual(["小鹏充电"]);
    expect(applyDictionary(["a", "b"], new Set())).toEqual(["a", "b"]);
  });
});
