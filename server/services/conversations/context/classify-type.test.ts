import { describe, expect, it } from "vitest";
import { classifyType, scoreMessage } from "./classify-type";

describe("classifyType", () => {
  it.each([
    ["你好", "CHAT"],
    ["在吗？", "CHAT"],
    ["谢谢啦", "CHAT"],
    ["好的", "CHAT"],
    ["今天天气不错", "CHAT"],
    ["晚上撸串？", "CHAT"],
    ["哈哈哈", "CHAT"],
    ["KF-7A多少钱", "CONSULT"],
    ["你们的产品价格是多少？", "CONSULT"],
    ["充电桩安装需要物业同意吗", "CONSULT"],
    ["保修期是几年", "CONSULT"],
    ["1000元以内有什么推荐", "CONSULT"], // money as a budget is pre-sales
    ["这款是1999元吗", "CONSULT"],
    ["家用7kW和11kW有什么区别", "CONSULT"],
    ["請問保固多久", "CONSULT"], // traditional, Taiwanese wording
    ["C11pro最大承重是多少公斤？", "CONSULT"],
    ["我的订单AB12345678什么时候发货", "BUSINESS"],
    ["订单号：２０２４１１０５１２３４５６", "BUSINESS"], // full-width digits
    ["设备报警码E103，无法充电，已重启无效，求远程支持。", "BUSINESS"],
    ["我要退货", "BUSINESS"],
    ["11月5日下的单还没到", "BUSINESS"],
    ["我付了299元，订单还没发", "BUSINESS"],
    ["手机号13800138000，帮我查下物流", "BUSINESS"],
    ["你好，我的快递到哪了", "BUSINESS"],
    ["收到的貨破損了", "BUSINESS"], // traditional
  ] as const)("%s → %s", (text, type) => {
    expect(classifyType(text).type).toBe(type);
  });

  it("applies the seed's business boosts", () => {
    expect(scoreMessage("编号123").scores.BUSINESS).toBe(1.5);
    expect(scoreMessage("2024-11-05").scores.BUSINESS).toBe(1.5);
    expect(scoreMessage("退款199元").scores.BUSINESS).toBe(1 + 2);
    expect(scoreMessage("退款199元").cues).toEqual(expect.arrayContaining(["aftersales", "money"]));
  });

  it("lets a bare follow-up keep the type of the questions before it", () => {
    expect(classifyType("那黑色的呢").type).toBe("CHAT");
    expect(classifyType("那黑色的呢", ["KF-7A多少钱", "有现货吗"]).type).toBe("CONSULT");
    expect(classifyType("发了吗", ["我的订单AB12345678什么时候发货"]).type).toBe("BUSINESS");
  });

  it("still follows a clear new message over the recent ones", () => {
    expect(classifyType("我要退货，订单AB12345678", ["KF-7A多少钱", "保修几年"]).type).toBe("BUSINESS");
  });
});
