import { describe, expect, it } from "vitest";
import { contentWords, detectTopicSwitch } from "./topic-switch";

const consult = ["KF-7A充电桩多少钱", "有黑色的吗"];

describe("detectTopicSwitch", () => {
  it.each([
    ["对了，发票怎么开", "对了"],
    ["對了，發票怎麼開", "对了"], // traditional
    ["另外，你们周末发货吗", "另外"],
    ["还有，运费谁出", "还有"],
    ["还有一个问题，物流用哪家", "还有"],
    ["换个问题，你们几点下班", "换个问题"],
    ["不说这个了，我想问下会员积分", "不说这个了"],
    ["顺便问下，开专票要多久", "顺便问"],
    ["话说你们在哪个城市", "话说"],
    ["好的，另外我想问下发票", "另外"], // after an acknowledgement
    ["@小助手\u2005对了，支持分期吗", "对了"],
    ["btw do you ship to Hong Kong", "btw"],
  ])("marker: %s", (text, marker) => {
    expect(detectTopicSwitch(text, consult)).toEqual({ switched: true, reason: "marker", marker });
  });

  it("ignores markers that are not at the start", () => {
    expect(detectTopicSwitch("黑色的还有吗", consult).switched).toBe(false);
    expect(detectTopicSwitch("我想知道另外一个颜色多少钱", consult).switched).toBe(false);
  });

  it.each([
    "还有吗", // 还有 asking for more of the same
    "还有货吗",
    "还有多少库存",
    "对了，这个有保修吗", // a soft marker, but about the same thing
    "问一下这个能用多久",
    "那白色的呢",
    "KF-7A的保修期多久", // shares the model
    "它支持预约充电吗",
    "谢谢",
    "好的",
  ])("keeps the topic: %s", (text) => {
    expect(detectTopicSwitch(text, consult).switched).toBe(false);
  });

  it("still switches on an explicit marker before a follow-up word", () => {
    expect(detectTopicSwitch("换个问题，这个订单怎么退", consult)).toMatchObject({
      switched: true,
      reason: "marker",
    });
  });

  it("switches when a self-contained message shares under a quarter of its keywords", () => {
    const result = detectTopicSwitch("充电桩安装需要物业同意吗", ["KF-7A价格多少", "黑色款有现货吗"]);
    expect(result).toMatchObject({ switched: true, reason: "low_overlap", overlap: 0 });
    expect(detectTopicSwitch("黑色款的价格多少", ["KF-7A价格多少", "黑色款有现货吗"])).toMatchObject({
      switched: false,
    });
  });

  it("switches on a type change after two messages of the same type, but not to chat", () => {
    const twoConsults = ["KF-7A多少钱", "KF-7A保修几年"];
    // shares the model (overlap 1/3), yet turns from pre-sales to an order
    expect(detectTopicSwitch("KF-7A的订单什么时候发货", twoConsults)).toEqual({
      switched: true,
      reason: "type_change",
      from: "CONSULT",
      to: "BUSINESS",
    });
    expect(detectTopicSwitch("谢谢你", twoConsults).switched).toBe(false);
    // one earlier message is not a pattern yet
    expect(detectTopicSwitch("KF-7A的订单什么时候发货", ["KF-7A多少钱"])).toMatchObject({ switched: false });
  });

  it("never switches without earlier messages", () => {
    expect(detectTopicSwitch("换个问题", [])).toEqual({ switched: false });
  });
});

describe("contentWords", () => {
  it("keeps meaningful words and codes, dropping stopwords and question words", () => {
    const words = [...contentWords("请问KF-7A充电桩怎么安装？还有多久能到")];
    expect(words).toEqual(expect.arrayContaining(["充电桩", "安装", "kf-7a"]));
    for (const filler of ["请问", "怎么", "多久", "还有"]) expect(words).not.toContain(filler);
  });

  it("folds synonyms so 退钱 meets 退款", () => {
    expect(contentWords("钱什么时候退钱")).toContain("退款");
  });
});
