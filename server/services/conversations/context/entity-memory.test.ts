import { describe, expect, it } from "vitest";
import {
  emptyEntityMemory,
  formatEntityMemory,
  MAX_PER_KIND,
  mergeEntityMemory,
  parseEntityMemory,
  summariseEntities,
} from "./entity-memory";

describe("summariseEntities", () => {
  it("collects entities across turns, newest first, without duplicates", () => {
    const { memory } = summariseEntities([
      { role: "CUSTOMER", content: "订单AB12345678的KF-7A什么时候发货" },
      { role: "BOT", content: "您的订单AB12345678已发货。" },
      { role: "CUSTOMER", content: "另外订单ab87654321也查一下，电话13800138000" },
      { role: "CUSTOMER", content: "kf-7a能退吗，我付了￥1999" },
    ]);
    expect(memory).toEqual({
      orderNumbers: ["AB87654321", "AB12345678"],
      amounts: ["¥1999"],
      phones: ["13800138000"],
      models: ["kf-7a"],
      emails: [],
    });
  });

  it("skips internal notes and system lines", () => {
    const { memory } = summariseEntities([
      { role: "NOTE", content: "客户上次的订单XY99999999有问题" },
      { role: "SYSTEM", content: "客服【小王】已接入 13900001111" },
      { role: "AGENT", content: "您好，请提供订单号" },
    ]);
    expect(memory).toEqual(emptyEntityMemory());
  });

  it("carries the stored memory over, behind what is new, and caps each kind", () => {
    const previous = { orderNumbers: ["OLD1234567"], phones: ["13900001111"] };
    const { memory } = summariseEntities([{ content: "新订单NEW12345678" }], previous);
    expect(memory.orderNumbers).toEqual(["NEW12345678", "OLD1234567"]);
    expect(memory.phones).toEqual(["13900001111"]);

    const many = Array.from({ length: 8 }, (_, i) => ({ content: `订单AB1234567${i}` }));
    const capped = summariseEntities(many).memory.orderNumbers;
    expect(capped).toHaveLength(MAX_PER_KIND);
    expect(capped[0]).toBe("AB12345677");
  });

  it("gives a one-line text with phones and emails masked", () => {
    const { text } = summariseEntities([
      { content: "订单AB12345678，电话13800138000，邮箱 wang@example.com，型号KF-7A，￥199" },
    ]);
    expect(text).toBe("订单号 AB12345678；金额 ¥199；手机 138****8000；型号 KF-7A；邮箱 w***@example.com");
    expect(formatEntityMemory(emptyEntityMemory())).toBe("");
    expect(formatEntityMemory({ ...emptyEntityMemory(), orderNumbers: ["A1", "B2"] }, "en")).toBe(
      "Order numbers: A1, B2",
    );
  });
});

describe("parseEntityMemory / mergeEntityMemory", () => {
  it.each([null, undefined, "oops", 42, { orderNumbers: "AB1" }, { phones: [1, 2] }])(
    "reads %j as empty",
    (json) => {
      expect(parseEntityMemory(json)).toEqual(emptyEntityMemory());
    },
  );

  it("fills missing kinds", () => {
    expect(parseEntityMemory({ models: ["KF-7A"] })).toEqual({ ...emptyEntityMemory(), models: ["KF-7A"] });
  });

  it("treats model and email case as the same entity", () => {
    const merged = mergeEntityMemory(
      { ...emptyEntityMemory(), models: ["KF-7A"] },
      { ...emptyEntityMemory(), models: ["kf-7a", "KF-11"] },
    );
    expect(merged.models).toEqual(["KF-7A", "KF-11"]);
  });
});
