import { describe, expect, it } from "vitest";
import { extractEntities, type TEntities } from "./entities";

const none: TEntities = { orderNumbers: [], amounts: [], phones: [], models: [], emails: [] };

describe("extractEntities", () => {
  it.each<[string, Partial<TEntities>]>([
    ["我的订单AB12345678怎么还没发货", { orderNumbers: ["AB12345678"] }],
    ["单号dd20241105123，麻烦查一下", { orderNumbers: ["DD20241105123"] }],
    ["顺丰SF1234567890123到哪了", { orderNumbers: ["SF1234567890123"] }],
    ["订单号：2024110512345678", { orderNumbers: ["2024110512345678"] }],
    ["訂單號是２０２４１１０５１２３", { orderNumbers: ["20241105123"] }],
    ["淘宝订单 3891234567890123456 申请退款", { orderNumbers: ["3891234567890123456"] }],
    ["order #12345678 has not arrived", { orderNumbers: ["12345678"] }],
    ["订单号13800138000123456", { orderNumbers: ["13800138000123456"] }],
    ["价格￥199吗", { amounts: ["¥199"] }],
    ["我付了199元", { amounts: ["¥199"] }],
    ["退款1,299.50元什么时候到", { amounts: ["¥1299.5"] }],
    ["预算1.5万左右", { amounts: ["¥15000"] }],
    ["RMB 200 和 USD 30", { amounts: ["¥200", "$30"] }],
    ["花了300块买的，才用3块钱的券", { amounts: ["¥300", "¥3"] }],
    ["一共1.5w元", { amounts: ["¥15000"] }],
    ["手机13800138000", { phones: ["13800138000"] }],
    ["电话 138-0013-8000 或 +86 139 1234 5678", { phones: ["13800138000", "13912345678"] }],
    ["手機：１３８００１３８０００", { phones: ["13800138000"] }],
    ["KF-7A和7kW的区别", { models: ["KF-7A", "7kW"] }],
    ["ＫＦ－７Ａ多少钱", { models: ["KF-7A"] }],
    ["iPhone15Pro能用吗", { models: ["iPhone15Pro"] }],
    ["C11pro最大承重是多少公斤？", { models: ["C11pro"] }],
    ["设备报警码E103，无法充电", { models: ["E103"] }],
    ["发到 Zhang.San@Example.com 谢谢", { emails: ["zhang.san@example.com"] }],
  ])("%s", (text, expected) => {
    expect(extractEntities(text)).toEqual({ ...none, ...expected });
  });

  it.each([
    "你好，在吗",
    "充电桩安装需要多长时间", // no numbers at all
    "3块电池", // 块 as a measure word
    "跑了1.5万公里", // 万 without money
    "2024-11-05下的单", // a date is none of these
    "12345", // too short for anything
    "1380013800", // ten digits: not a mobile number
  ])("finds nothing in %s", (text) => {
    expect(extractEntities(text)).toEqual(none);
  });

  it("keeps a mixed message apart: order, phone, model and amount each once", () => {
    expect(extractEntities("订单AB12345678的KF-7A付了￥1999，联系电话13800138000，邮箱 a@b.com")).toEqual({
      orderNumbers: ["AB12345678"],
      amounts: ["¥1999"],
      phones: ["13800138000"],
      models: ["KF-7A"],
      emails: ["a@b.com"],
    });
  });
});
