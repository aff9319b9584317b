import { describe, expect, it } from "vitest";
import { slugFromName, withRandomSuffix, ZSlug } from "./slug";

describe("slugs", () => {
  it("turns ASCII company names into readable slugs", () => {
    expect(slugFromName("Blue Ocean Trading Co., Ltd.")).toBe("blue-ocean-trading-co-ltd");
    expect(slugFromName("  Café Müller  ")).toBe("cafe-muller");
  });

  it("gives names without enough ASCII a random valid slug", () => {
    for (const name of ["杭州测试公司", "AB", "Admin"]) {
      const slug = slugFromName(name);
      expect(slug).toMatch(/^team-[0-9a-f]{6}$/);
      expect(ZSlug.safeParse(slug).success).toBe(true);
    }
  });

  it("validates user-chosen slugs", () => {
    expect(ZSlug.safeParse("my-shop-2").success).toBe(true);
    expect(ZSlug.parse("My-Shop")).toBe("my-shop");
    for (const bad of ["ab", "-shop", "shop-", "shop_1", "店铺", "a".repeat(41)])
      expect(ZSlug.safeParse(bad).success).toBe(false);
    expect(ZSlug.safeParse(withRandomSuffix("x".repeat(40))).success).toBe(true);
  });
});
